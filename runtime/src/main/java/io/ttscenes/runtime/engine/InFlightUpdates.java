package io.ttscenes.runtime.engine;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The updates queued or running on the lanes, by session key and dedupe id, so that a delivery of
 * an update already in its lane (a webhook retry after a 503, a page polled again) waits for the
 * one in the lane instead of queueing a second task behind it. An update leaves once its future
 * completed; a later delivery is queued and dedupe recognises it if it was committed.
 */
@SuppressWarnings("unchecked")
final class InFlightUpdates {
  private final ConcurrentHashMap<Id, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

  /**
   * Registers {@code done} for {@code routed} and returns empty, or returns a copy of the future
   * of the same update already in flight (nothing registered then).
   */
  Optional<CompletableFuture<Void>> join(Routed routed, CompletableFuture<Void> done) {
    Id id = new Id(routed.key(), routed.dedupeId());
    CompletableFuture<Void>[] earlier = new CompletableFuture[1];
    inFlight.compute(id, (k, current) -> {
      // A finished one whose removal has not run yet is replaced: a re-run must really run.
      if (current != null && !current.isDone()) {
        earlier[0] = current;
        return current;
      }
      return done;
    });
    if (earlier[0] != null) {
      return Optional.of(earlier[0].copy());
    }
    done.whenComplete((ignored, error) -> inFlight.remove(id, done));
    return Optional.empty();
  }

  /** Forgets {@code done} when its update was not queued after all. */
  void notQueued(Routed routed, CompletableFuture<Void> done) {
    inFlight.remove(new Id(routed.key(), routed.dedupeId()), done);
  }

  /** One update of one session. */
  private record Id(String key, DedupeId dedupeId) {}
}
