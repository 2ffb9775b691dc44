package io.ttscenes.runtime.engine;

import java.time.Instant;
import java.util.Optional;

/** What a lane task asks the engine to do for one session: handle an update or fire its timer. */
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
