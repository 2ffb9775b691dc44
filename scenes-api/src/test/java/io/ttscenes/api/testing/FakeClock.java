package io.ttscenes.api.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A UTC clock that stands still until a test moves it with {@link #advance}. Thread-safe. Not
 * final so that a fake which also sleeps (moving the clock instead of waiting) can extend it.
 */
public class FakeClock extends Clock {
  private volatile Instant now;

  /** A clock at {@code start}. */
  public FakeClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /** A clock at {@code seconds} after the epoch. */
  public static FakeClock atEpochSecond(long seconds) {
    return new FakeClock(Instant.ofEpochSecond(seconds));
  }

  /** Moves the clock by {@code duration} (a negative one moves it back). */
  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
