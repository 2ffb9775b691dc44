package io.ttscenes.runtime.engine;

import java.time.Duration;

/**
 * Observes the engine: updates, commits, API calls, retries and lane depth. Every method has a
 * no-op default, so an implementation overrides only what it needs. Methods are called from lane
 * threads concurrently and must be fast and must not throw.
 */
public interface RuntimeListener {

  /** A listener that ignores everything. */
  RuntimeListener NONE = new RuntimeListener() {};

  /** An update of {@code updateType} was accepted into a lane. */
  default void updateReceived(String updateType) {}

  /** The handling of an update ended with {@code outcome} after {@code duration}. */
  default void updateHandled(String updateType, UpdateOutcome outcome, Duration duration) {}

  /** A commit lost a compare-and-set race and the handler is re-run. */
  default void commitConflict(String updateType) {}

  /**
   * An update's first turn ran on the store's guess that its session was new (see {@link
   * io.ttscenes.api.store.SessionStore#loadOrGuess}): {@code hit} when its commit found no
   * session, else the commit was refused with the existing session and the turn ran again on it,
   * which is not a commit conflict.
   */
  default void speculation(boolean hit) {}

  /** The store was unreachable during {@code operation}; the next try follows after {@code delay}. */
  default void storeRetry(String operation, int attempt, Duration delay) {}

  /** A recorded Bot API call ({@code operation}, e.g. {@code sendMessage}) was sent. */
  default void effectSent(String operation) {}

  /**
   * A recorded Bot API call failed; a {@code retryable} failure parks the rest of the outbox entry
   * for a later retry, others are dropped after logging.
   */
  default void effectFailed(String operation, boolean retryable) {}

  /**
   * The ingress gave up on an update of {@code updateType} after it failed too many times in a
   * row ({@code unreadable}: a body that is no update); it is kept as a dead letter.
   */
  default void updateDeadLettered(String updateType) {}

  /**
   * An update's commit won: {@code report} says where its handler ran and what it did to the
   * session's place in the conversation. Called once per committed update, never for a run that
   * lost a commit race and was re-run.
   */
  default void turnCommitted(TurnReport report) {}

  /**
   * A handler for an update of {@code updateType} ran past the handler deadline: its thread was
   * interrupted and the exception handler runs for the update instead.
   */
  default void handlerOverran(String updateType) {}

  /**
   * A parked reply reached its attempt or age limit and was dead-lettered: its session's later
   * replies no longer wait behind it.
   */
  default void replyDeadLettered() {}

  /**
   * A commit found its session's recent update ids at {@link
   * io.ttscenes.api.store.SessionStore#RECENT_UPDATE_IDS_CAP}: ids younger than the dedupe window
   * were forgotten, so a late repeat of one of them would run again.
   */
  default void dedupeWindowCapped() {}

  /** An outbox entry left by an earlier failure or crash was sent by recovery. */
  default void outboxRecovered() {}

  /** The number of updates waiting in or running on all lanes changed to {@code depth}. */
  default void laneDepth(int depth) {}
}
