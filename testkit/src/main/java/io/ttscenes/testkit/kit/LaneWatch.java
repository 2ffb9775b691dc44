package io.ttscenes.testkit.kit;

import io.ttscenes.runtime.engine.RuntimeListener;
import java.time.Duration;

/**
 * Tells when the dispatcher has nothing queued or running (updates and fired timers alike), from
 * the lane depth the engine reports. Thread-safe.
 */
final class LaneWatch implements RuntimeListener {
  private int depth;

  @Override
  public synchronized void laneDepth(int depth) {
    this.depth = depth;
    notifyAll();
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
