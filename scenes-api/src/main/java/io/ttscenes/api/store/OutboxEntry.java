package io.ttscenes.api.store;

import java.util.Objects;

/**
 * The Bot API calls one commit recorded, in the order they must be sent, serialized by the engine
 * as {@code payload} (opaque to the store). {@code id} is unique within its session.
 */
public record OutboxEntry(String id, String payload) {
  public OutboxEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(payload, "payload");
  }
}
