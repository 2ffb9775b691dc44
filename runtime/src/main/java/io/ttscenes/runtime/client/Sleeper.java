package io.ttscenes.runtime.client;

import java.time.Duration;

/**
 * Waits for a duration. The client, the engine and the poll loop wait only through a Sleeper
 * (backoff, rate limit), so tests inject one that records the waits and advances a fake clock
 * instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps with {@link Thread#sleep(long, int)}. */
  Sleeper SYSTEM = duration -> {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
  };

  /**
   * Blocks the calling thread for {@code duration}; a zero or negative duration returns at once.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
