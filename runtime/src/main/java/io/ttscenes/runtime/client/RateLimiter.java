package io.ttscenes.runtime.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces requests evenly: at most {@code permitsPerSecond}, one slot every {@code 1/rate} seconds,
 * shared by every thread using one client. A caller reserves the next free slot under a lock and
 * then waits for it outside the lock, so waiting threads do not block each other's reservations.
 */
final class RateLimiter {
  private final Clock clock;
  private final Sleeper sleeper;
  private final long intervalNanos;
  private Instant nextFree = Instant.MIN;

  RateLimiter(double permitsPerSecond, Clock clock, Sleeper sleeper) {
    if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
      throw new IllegalArgumentException(
          "requests per second is " + permitsPerSecond + "; it must be positive and finite");
    }
    this.clock = clock;
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
    Instant now = clock.instant();
    Instant slot = nextFree.isAfter(now) ? nextFree : now;
    nextFree = slot.plusNanos(intervalNanos);
    return Duration.between(now, slot);
  }
}
