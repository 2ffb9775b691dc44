package io.ttscenes.testkit.kit;

import io.ttscenes.runtime.engine.RuntimeListener;
import io.ttscenes.testkit.Emulator;
import java.time.Duration;

/**
 * Tells when the bot is idle: the emulator's marker passed every update and the dispatcher has
 * nothing queued or running (updates and fired timers alike), from the lane depth the engine
 * reports. Thread-safe.
 */
final class IdleWatch implements RuntimeListener {
  private int depth;

  @Override
  public synchronized void laneDepth(int depth) {
    this.depth = depth;
    notifyAll();
  }

  /**
   * Waits until the emulator saw every update acknowledged and no lane has work: the bot is idle
   * and everything it sent is in the dialogs. AssertionError after {@code timeout}.
   */
  void awaitIdle(Emulator emulator, Duration timeout) {
    try {
      if (!emulator.awaitAcknowledged(timeout)) {
        throw new AssertionError("the bot did not acknowledge " + emulator.unacknowledgedUpdates()
            + " update(s) within " + timeout + "; is a handler blocked, or is the API failing?");
      }
      if (!awaitEmpty(timeout)) {
        throw new AssertionError("the bot still had " + depth() + " update(s) or timer(s) in its "
            + "lanes after " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the bot", e);
    }
  }

  /** Waits until no lane has work; false on timeout. */
  synchronized boolean awaitEmpty(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (depth > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  synchronized int depth() {
    return depth;
  }
}
