package io.ttscenes.runtime;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** One shutdown deadline shared by the steps of {@link BotRuntime#close()}. */
final class Shutdown {
  private final long end;

  Shutdown(Duration timeout) {
    this.end = System.nanoTime() + timeout.toNanos();
  }

  /** What is left of the deadline (zero when it passed). */
  Duration left() {
    return Duration.ofNanos(Math.max(0, end - System.nanoTime()));
  }

  /** Stops the timer and recovery scheduler, letting a poll in progress finish within the deadline. */
  void stopScheduler(ExecutorService scheduler) {
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(left().toNanos(), TimeUnit.NANOSECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      scheduler.shutdownNow();
    }
  }
}
