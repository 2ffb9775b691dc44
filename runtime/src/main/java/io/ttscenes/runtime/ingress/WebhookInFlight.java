package io.ttscenes.runtime.ingress;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counts the webhook requests in progress so that stopping can let them finish: once closed, no
 * request enters any more, and {@link #closeAndAwaitIdle} waits for those inside. Thread-safe.
 */
final class WebhookInFlight {
  private final Object lock = new Object();
  private int inFlight;
  private boolean closing;

  /** Counts one request in and returns true, or returns false once closed (count unchanged). */
  boolean enter() {
    synchronized (lock) {
      if (closing) {
        return false;
      }
      inFlight++;
      return true;
    }
  }

  /** Counts out a request that {@link #enter} let in. */
  void leave() {
    synchronized (lock) {
      inFlight--;
      lock.notifyAll();
    }
  }

  /**
   * Refuses new requests from now on and waits up to {@code deadline} for those in progress;
   * returns whether none is left. Throws {@link InterruptedException} when interrupted meanwhile.
   */
  boolean closeAndAwaitIdle(Duration deadline) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    synchronized (lock) {
      closing = true;
      while (inFlight > 0) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }
}
