package io.ttscenes.runtime.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a parked reply is retried: at most {@code attempts} sends in a row that failed as
 * retryable on the same call (a send that gets further starts the count over), and
 * no longer than {@code age} after it was first handed to the API in this process; past either it
 * is dead-lettered, so a reply that may have reached TamTam is not posted again without limit and
 * its session's later replies stop waiting behind it.
 */
record ParkedLimits(int attempts, Duration age) {
  /** 30 failed sends (about 15 minutes of 30-second retries) or one hour, whichever comes first. */
  static final ParkedLimits DEFAULT = new ParkedLimits(30, Duration.ofHours(1));

  ParkedLimits {
    if (attempts < 1) {
      throw new IllegalArgumentException("parked reply attempts is " + attempts + "; it must be >= 1");
    }
    Objects.requireNonNull(age, "age");
    if (age.isNegative() || age.isZero()) {
      throw new IllegalArgumentException("parked reply age is " + age + "; it must be positive");
    }
  }

  /** Whether a reply that failed {@code failures} times, first sent at {@code since}, is given up at {@code now}. */
  boolean exceeded(int failures, long sinceMillis, long nowMillis) {
    return failures >= attempts || nowMillis - sinceMillis >= age.toMillis();
  }
}
