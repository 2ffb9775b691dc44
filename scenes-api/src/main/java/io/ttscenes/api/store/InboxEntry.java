package io.ttscenes.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One signal waiting in a session's inbox: its id (unique per signal, the same when the sender
 * delivers it again after a crash), when it was delivered, and its payload (opaque to the store;
 * JSON in practice).
 */
public record InboxEntry(String id, Instant at, String payload) {
  public InboxEntry {
    Objects.requireNonNull(id, "id");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("inbox entry id is empty");
    }
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(payload, "payload");
  }
}
