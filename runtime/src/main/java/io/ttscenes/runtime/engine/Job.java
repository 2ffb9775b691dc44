package io.ttscenes.runtime.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * What a lane task asks the engine to do for one session: handle an update, a signal of its
 * inbox, or fire its timer (its next signal first, {@link Signals#next}, then its earliest due job).
 */
sealed interface Job {

  /** The update type for logs and metrics. */
  String type();

  record ForUpdate(Routed routed) implements Job {
    @Override
    public String type() {
      return routed.update().updateType();
    }
  }

  /**
   * Handles the next signal in the session's inbox ({@link Signals#next}), if any, without
   * touching its timer: the prompt path after a delivery in this process (the timer the delivery
   * made due is the path that survives crashes and reaches other instances).
   */
  record ForInbox() implements Job {
    @Override
    public String type() {
      return "signal";
    }
  }

  /**
   * Fires the session's earliest due job (a scene timeout or an author's job); {@code claimedUntil}
   * is the score the session's timer holds as far as this instance knows: the lease end of the
   * claim that found it due, or the wake the previous firing committed when jobs were due at
   * once; empty when the caller did not claim it.
   */
  record ForTimer(Optional<Instant> claimedUntil) implements Job {
    @Override
    public String type() {
      return "scheduled_job";
    }
  }
}
