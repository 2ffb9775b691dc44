package io.ttscenes.runtime.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what the engine reports, for assertions. Thread-safe. */
final class CountingListener implements RuntimeListener {
  final List<UpdateOutcome> outcomes = new CopyOnWriteArrayList<>();
  final List<FlowEvent> events = new CopyOnWriteArrayList<>();
  final AtomicInteger conflicts = new AtomicInteger();
  final AtomicInteger storeRetries = new AtomicInteger();
  final AtomicInteger recovered = new AtomicInteger();
  final List<String> failedEffects = new CopyOnWriteArrayList<>();
  final List<String> sentEffects = new CopyOnWriteArrayList<>();

  @Override
  public void turnCommitted(TurnReport report) {
    events.addAll(report.events());
  }

  @Override
  public void updateHandled(String updateType, UpdateOutcome outcome, Duration duration) {
    outcomes.add(outcome);
  }

  /** Outcomes of first turns run on a guessed new session: true for a hit. */
  final List<Boolean> speculations = new CopyOnWriteArrayList<>();

  @Override
  public void speculation(boolean hit) {
    speculations.add(hit);
  }

  @Override
  public void commitConflict(String updateType) {
    conflicts.incrementAndGet();
  }

  @Override
  public void storeRetry(String operation, int attempt, Duration delay) {
    storeRetries.incrementAndGet();
  }

  @Override
  public void effectSent(String operation) {
    sentEffects.add(operation);
  }

  @Override
  public void effectFailed(String operation, boolean retryable) {
    failedEffects.add(operation + (retryable ? " retryable" : " rejected"));
  }

  @Override
  public void outboxRecovered() {
    recovered.incrementAndGet();
  }
}
