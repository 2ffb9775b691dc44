package io.ttscenes.runtime.engine;

/** How the handling of one update (or fired timer) ended, as reported to the listener. */
public enum UpdateOutcome {
  /** A handler ran and its result was committed. */
  HANDLED,
  /** No handler matched; the update was committed as seen and nothing was sent. */
  UNMATCHED,
  /** The update had already been committed (same dedupe id); nothing ran. */
  DUPLICATE,
  /** A handler threw; an exception handler (or the default apology) ran and was committed. */
  HANDLER_FAILED,
  /** A fired timer found no job of its session due and was moved to the next one or removed. */
  STALE_TIMER,
  /** A signal's lane task found the session's inbox empty (another run had handled it). */
  EMPTY_INBOX,
  /** The update could not be committed (conflicts exhausted or shutdown); it is not acked. */
  FAILED
}
