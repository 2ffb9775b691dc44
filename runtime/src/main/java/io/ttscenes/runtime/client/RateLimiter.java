package io.ttscenes.runtime.client;

import java.time.Duration;

/**
 * Spaces requests evenly: at most {@code permitsPerSecond}, one slot every {@code 1/rate} seconds,
 * shared by every thread using one client. A caller reserves the next free slot under a lock and
 * then waits for it outside the lock, so waiting threads do not block each other's reservations.
 * Slots are measured on a monotonic {@link Ticker}, so a wall clock stepping back does not make
 * calls wait for the size of the step.
 */
final class RateLimiter {
  private final Ticker ticker;
  private final Sleeper sleeper;
  private final long intervalNanos;
  private long nextFree;
  private boolean used;

  RateLimiter(double permitsPerSecond, Ticker ticker, Sleeper sleeper) {
    if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
      throw new IllegalArgumentException(
          "requests per second is " + permitsPerSecond + "; it must be positive and finite");
    }
    this.ticker = ticker;
    this.sleeper = sleeper;
    this.intervalNanos = Math.max(1, Math.round(1_000_000_000d / permitsPerSecond));
  }

  /** Waits for this caller's slot; returns the time waited. */
  Duration acquire() throws InterruptedException {
    Duration wait = reserve();
    if (!wait.isZero()) {
      sleeper.sleep(wait);
    }
    return wait;
  }

  private synchronized Duration reserve() {
    long now = ticker.nanoTime();
    // Compared as a difference: nanoTime values may be negative or wrap around.
    long slot = used && nextFree - now > 0 ? nextFree : now;
    used = true;
    nextFree = slot + intervalNanos;
    return Duration.ofNanos(slot - now);
  }
}
