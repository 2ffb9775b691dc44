package io.ttscenes.testkit.kit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it. {@link BotTester} shares one with the engine
 * (scene timeouts, {@code ctx.now()}) and the emulator (message timestamps); move it with
 * {@link BotTester#advance}, which also fires the timers that became due. Thread-safe.
 */
public final class TestClock extends Clock {
  /** Where a new test clock starts unless told otherwise. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-05T09:00:00Z");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock at {@code start} in UTC. */
  public static TestClock at(Instant start) {
    return new TestClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  /**
   * Moves the clock forward by {@code duration}; returns the new time. In a test prefer
   * {@link BotTester#advance}, which also fires the timeouts that became due. Throws
   * IllegalArgumentException for a negative duration: time never goes back for the engine.
   */
  public Instant advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration is " + duration + "; the clock only moves forward");
    }
    return now.updateAndGet(current -> current.plus(duration));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view of this clock in another zone; moving either moves both. */
  @Override
  public Clock withZone(ZoneId other) {
    return new TestClock(now, Objects.requireNonNull(other, "zone"));
  }

  @Override
  public String toString() {
    return "TestClock[" + now.get() + "]";
  }
}
