package io.ttscenes.runtime.engine;

import java.util.List;
import java.util.Objects;

/**
 * What the engine stores as an outbox entry's payload: when it was committed (epoch millis, so
 * recovery can leave young entries to the instance sending them), for which update, and the
 * effects in sending order.
 */
record OutboxPayload(long createdAt, String updateId, List<Effect> effects) {
  OutboxPayload {
    Objects.requireNonNull(updateId, "updateId");
    effects = List.copyOf(effects);
  }
}
