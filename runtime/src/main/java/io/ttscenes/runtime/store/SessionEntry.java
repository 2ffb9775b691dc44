package io.ttscenes.runtime.store;

import io.ttscenes.api.store.OutboxEntry;
import io.ttscenes.api.store.StoredSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One cached session with its pending outbox, the ticker time it expires at and the wake its last
 * commit stored (epoch ms of its earliest scheduled job, null without one). Immutable: every
 * change makes a new entry, so the cache's per-key compute is the only synchronization needed.
 */
record SessionEntry(StoredSession session, long expiresAtNanos, List<QueuedOutbox> outbox, Long wake,
    RecentIds recent) {

  /** An outbox entry with its store-wide creation sequence, which orders pending outboxes. */
  record QueuedOutbox(long sequence, OutboxEntry entry) {}

  SessionEntry {
    outbox = List.copyOf(outbox);
  }

  /** Returns the entry after a winning commit; {@code session} is absent for a new session. */
  static SessionEntry committed(
      SessionEntry previous, String data, String updateId, long now, long expiresAt, Set<String> cleared,
      QueuedOutbox added, Long wake) {
    long version = previous == null ? 1 : previous.session.version() + 1;
    RecentIds recent = (previous == null ? RecentIds.NONE : previous.recent).plus(updateId, now);
    List<QueuedOutbox> outbox = previous == null ? List.of() : previous.outbox;
    if (!cleared.isEmpty() || added != null) {
      outbox = new ArrayList<>(outbox);
      outbox.removeIf(q -> cleared.contains(q.entry().id()));
      if (added != null) {
        outbox.add(added);
      }
    }
    return new SessionEntry(new StoredSession(version, data, recent.ids()), expiresAt, outbox, wake, recent);
  }

  /** Returns this entry without the outbox entry {@code outboxId}, or itself when it has none. */
  SessionEntry withoutOutbox(String outboxId) {
    return withoutOutboxes(Set.of(outboxId));
  }

  /** Returns this entry without the outbox entries {@code outboxIds}, or itself when it has none. */
  SessionEntry withoutOutboxes(Set<String> outboxIds) {
    List<QueuedOutbox> kept = new ArrayList<>(outbox.size());
    for (QueuedOutbox queued : outbox) {
      if (!outboxIds.contains(queued.entry().id())) {
        kept.add(queued);
      }
    }
    return kept.size() == outbox.size() ? this : new SessionEntry(session, expiresAtNanos, kept, wake, recent);
  }
}
