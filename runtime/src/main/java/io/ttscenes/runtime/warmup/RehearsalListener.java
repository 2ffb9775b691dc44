package io.ttscenes.runtime.warmup;

import io.ttscenes.runtime.engine.RuntimeListener;
import io.ttscenes.runtime.engine.TurnReport;
import io.ttscenes.runtime.engine.UpdateOutcome;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes the per-update events of a rehearsal to a throwaway meter listener (so the metering code
 * is warmed too) and counts handler failures: a handler that fails on synthetic users would
 * otherwise log a failure for each of them, so the rehearsal stops at the first. Thread-safe.
 */
final class RehearsalListener implements RuntimeListener {
  private final RuntimeListener meters;
  private final AtomicInteger handlerFailures = new AtomicInteger();

  RehearsalListener(RuntimeListener meters) {
    this.meters = meters;
  }

  /** How many updates a handler failed on. */
  int handlerFailures() {
    return handlerFailures.get();
  }

  @Override
  public void updateReceived(String updateType) {
    meters.updateReceived(updateType);
  }

  @Override
  public void updateHandled(String updateType, UpdateOutcome outcome, Duration duration) {
    if (outcome == UpdateOutcome.HANDLER_FAILED) {
      handlerFailures.incrementAndGet();
    }
    meters.updateHandled(updateType, outcome, duration);
  }

  @Override
  public void turnCommitted(TurnReport report) {
    meters.turnCommitted(report);
  }

  @Override
  public void effectSent(String operation) {
    meters.effectSent(operation);
  }

  @Override
  public void laneDepth(int depth) {
    meters.laneDepth(depth);
  }
}
