package io.ttscenes.runtime.ingress;

import java.time.Duration;

/** Exponential backoff: {@code first}, doubling per failure, never above {@code cap}. */
record Backoff(Duration first, Duration cap) {

  Backoff {
    if (first.isNegative() || first.isZero()) {
      throw new IllegalArgumentException("first backoff is " + first + "; it must be positive");
    }
    if (cap.compareTo(first) < 0) {
      throw new IllegalArgumentException("backoff cap is " + cap + "; it must be >= the first wait " + first);
    }
  }

  /** The wait after failure number {@code failures} (1-based). */
  Duration delay(int failures) {
    int shift = Math.min(Math.max(failures - 1, 0), 30);
    Duration delay = first.multipliedBy(1L << shift);
    return delay.compareTo(cap) > 0 ? cap : delay;
  }
}
