package io.ttscenes.api.store;

import java.util.Objects;

/** An outbox entry committed for session {@code key} and not cleared yet. */
public record PendingOutbox(String key, OutboxEntry entry) {
  public PendingOutbox {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(entry, "entry");
  }
}
