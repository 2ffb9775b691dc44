package io.ttscenes.runtime;

import io.ttscenes.runtime.engine.RuntimeListener;
import io.ttscenes.runtime.engine.TurnReport;
import io.ttscenes.runtime.engine.UpdateOutcome;
import java.time.Duration;

/** Forwards every event to the runtime's meters first, then to the user's listener. */
final class Listeners implements RuntimeListener {
  private final RuntimeListener meters;
  private final RuntimeListener user;

  private Listeners(RuntimeListener meters, RuntimeListener user) {
    this.meters = meters;
    this.user = user;
  }

  static RuntimeListener of(RuntimeListener meters, RuntimeListener user) {
    return user == RuntimeListener.NONE ? meters : new Listeners(meters, user);
  }

  @Override
  public void updateReceived(String updateType) {
    meters.updateReceived(updateType);
    user.updateReceived(updateType);
  }

  @Override
  public void updateHandled(String updateType, UpdateOutcome outcome, Duration duration) {
    meters.updateHandled(updateType, outcome, duration);
    user.updateHandled(updateType, outcome, duration);
  }

  @Override
  public void turnCommitted(TurnReport report) {
    meters.turnCommitted(report);
    user.turnCommitted(report);
  }

  @Override
  public void commitConflict(String updateType) {
    meters.commitConflict(updateType);
    user.commitConflict(updateType);
  }

  @Override
  public void speculation(boolean hit) {
    meters.speculation(hit);
    user.speculation(hit);
  }

  @Override
  public void storeRetry(String operation, int attempt, Duration delay) {
    meters.storeRetry(operation, attempt, delay);
    user.storeRetry(operation, attempt, delay);
  }

  @Override
  public void effectSent(String operation) {
    meters.effectSent(operation);
    user.effectSent(operation);
  }

  @Override
  public void effectFailed(String operation, boolean retryable) {
    meters.effectFailed(operation, retryable);
    user.effectFailed(operation, retryable);
  }

  @Override
  public void updateDeadLettered(String updateType) {
    meters.updateDeadLettered(updateType);
    user.updateDeadLettered(updateType);
  }

  @Override
  public void handlerOverran(String updateType) {
    meters.handlerOverran(updateType);
    user.handlerOverran(updateType);
  }

  @Override
  public void replyDeadLettered() {
    meters.replyDeadLettered();
    user.replyDeadLettered();
  }

  @Override
  public void dedupeWindowCapped() {
    meters.dedupeWindowCapped();
    user.dedupeWindowCapped();
  }

  @Override
  public void outboxRecovered() {
    meters.outboxRecovered();
    user.outboxRecovered();
  }

  @Override
  public void laneDepth(int depth) {
    meters.laneDepth(depth);
    user.laneDepth(depth);
  }
}
