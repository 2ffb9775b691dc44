package io.ttscenes.runtime.client;

import io.ttscenes.api.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that only moves when something sleeps on it or a test advances it; records every
 * sleep. Also a monotonic ticker: it follows the clock forwards but not when a test steps the
 * clock back, like {@link System#nanoTime()} under a wall-clock correction. Thread-safe.
 */
final class FakeTime extends FakeClock implements Sleeper, Ticker {
  private final List<Duration> sleeps = new ArrayList<>();
  private long nanos;

  FakeTime(Instant start) {
    super(start);
  }

  FakeTime() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    if (!duration.isNegative()) {
      advance(duration);
    }
  }

  @Override
  public synchronized void advance(Duration duration) {
    super.advance(duration);
    if (!duration.isNegative()) {
      nanos += duration.toNanos();
    }
  }

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  synchronized List<Long> sleepMillis() {
    return sleeps.stream().map(Duration::toMillis).toList();
  }
}
