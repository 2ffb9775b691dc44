package io.ttscenes.runtime.ingress;

import java.time.Duration;

/**
 * A source of updates for one dispatcher, with an explicit lifecycle: {@link #start()} once, then
 * {@link #stop(Duration)}. Implementations are thread-safe.
 */
public interface Ingress {

  /**
   * Starts receiving updates in the background and returns; throws {@link IllegalStateException}
   * when called twice, or when the ingress cannot start (e.g. its port is taken).
   */
  void start();

  /**
   * Stops taking new updates and waits up to {@code deadline} for those already taken to be
   * acknowledged; returns whether they all were. Idempotent.
   */
  boolean stop(Duration deadline);

  /**
   * Whether updates can arrive now: the poll thread runs (polling, or standing by for the lease)
   * or the server listens. False before {@link #start()} and after {@link #stop(Duration)}.
   */
  boolean receiving();

  /** A short description for logs, such as {@code "long polling"}. */
  String describe();
}
