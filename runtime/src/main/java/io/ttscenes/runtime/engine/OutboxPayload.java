package io.ttscenes.runtime.engine;

import java.util.List;
import java.util.Objects;

/**
 * What the engine stores as an outbox entry's payload: when it was committed (epoch millis, so
 * recovery can leave young entries to the instance sending them), for which update, the effects in
 * sending order, and the id of the instance that committed it ({@code owner}; null in entries
 * written before owners were stamped), whose lease tells recovery whether it is still alive.
 */
record OutboxPayload(long createdAt, String updateId, List<Effect> effects, String owner) {
  OutboxPayload {
    Objects.requireNonNull(updateId, "updateId");
    effects = List.copyOf(effects);
  }
}
