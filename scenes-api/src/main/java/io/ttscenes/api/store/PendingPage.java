package io.ttscenes.api.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a walk over the pending outboxes of a store: {@code entries} in listing order, and
 * {@code next}, the opaque cursor that continues the walk after them, empty once the walk reached
 * the end. A cursor is meaningful only to the store that returned it.
 */
public record PendingPage(List<PendingOutbox> entries, Optional<String> next) {
  public PendingPage {
    entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    Objects.requireNonNull(next, "next");
  }

  /** A page that ends the walk: nothing comes after {@code entries}. */
  public static PendingPage last(List<PendingOutbox> entries) {
    return new PendingPage(entries, Optional.empty());
  }
}
