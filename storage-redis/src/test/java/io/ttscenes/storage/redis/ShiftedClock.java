package io.ttscenes.storage.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system clock moved forward by what a test let pass: a store's own time (the dedupe window,
 * the outbox index) runs ahead while Redis keeps expiring keys on its clock. Thread-safe.
 */
final class ShiftedClock extends Clock {
  private final AtomicLong shiftMillis = new AtomicLong();

  void advance(Duration elapsed) {
    shiftMillis.addAndGet(elapsed.toMillis());
  }

  @Override
  public Instant instant() {
    return Instant.now().plusMillis(shiftMillis.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a shifted clock is in UTC only");
  }
}
