package io.ttscenes.runtime.client;

import java.time.Clock;
import java.time.Instant;

/**
 * A source of nanoseconds for measuring elapsed time. The rate limit spaces requests on it, so it
 * must not step back: {@link #SYSTEM} is {@link System#nanoTime()}, which a wall-clock correction
 * (NTP, a restored VM) does not move.
 */
@FunctionalInterface
interface Ticker {
  /** The monotonic system ticker. */
  Ticker SYSTEM = System::nanoTime;

  /** Nanoseconds from an arbitrary origin; only differences between two readings mean anything. */
  long nanoTime();

  /** A ticker reading {@code clock}, for tests that drive time by hand; it steps back with it. */
  static Ticker of(Clock clock) {
    return () -> {
      Instant now = clock.instant();
      return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
    };
  }
}
