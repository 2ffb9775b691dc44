package io.ttscenes.runtime.store;

import io.ttscenes.api.store.OutboxEntry;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoredSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One cached session with its pending outbox and the ticker time it expires at. Immutable: every
 * change makes a new entry, so the cache's per-key compute is the only synchronization needed.
 */
record SessionEntry(StoredSession session, long expiresAtNanos, List<QueuedOutbox> outbox) {

  /** An outbox entry with its store-wide creation sequence, which orders pending outboxes. */
  record QueuedOutbox(long sequence, OutboxEntry entry) {}

  SessionEntry {
    outbox = List.copyOf(outbox);
  }

  /** Returns the entry after a winning commit; {@code session} is absent for a new session. */
  static SessionEntry committed(
      SessionEntry previous, String data, String updateId, long expiresAt, Set<String> cleared,
      QueuedOutbox added) {
    long version = previous == null ? 1 : previous.session.version() + 1;
    List<String> ids = new ArrayList<>(previous == null ? List.of() : previous.session.recentUpdateIds());
    ids.add(updateId);
    if (ids.size() > SessionStore.RECENT_UPDATE_IDS) {
      ids = ids.subList(ids.size() - SessionStore.RECENT_UPDATE_IDS, ids.size());
    }
    List<QueuedOutbox> outbox = new ArrayList<>(previous == null ? List.of() : previous.outbox);
    outbox.removeIf(q -> cleared.contains(q.entry().id()));
    if (added != null) {
      outbox.add(added);
    }
    return new SessionEntry(new StoredSession(version, data, ids), expiresAt, outbox);
  }

  /** Returns this entry without the outbox entry {@code outboxId}, or itself when it has none. */
  SessionEntry withoutOutbox(String outboxId) {
    return withoutOutboxes(Set.of(outboxId));
  }

  /** Returns this entry without the outbox entries {@code outboxIds}, or itself when it has none. */
  SessionEntry withoutOutboxes(Set<String> outboxIds) {
    List<QueuedOutbox> kept =
        outbox.stream().filter(q -> !outboxIds.contains(q.entry().id())).toList();
    return kept.size() == outbox.size() ? this : new SessionEntry(session, expiresAtNanos, kept);
  }
}
