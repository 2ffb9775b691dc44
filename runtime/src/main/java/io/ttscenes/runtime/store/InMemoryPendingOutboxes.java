package io.ttscenes.runtime.store;

import io.ttscenes.api.store.PendingOutbox;
import io.ttscenes.api.store.PendingPage;
import io.ttscenes.runtime.store.SessionEntry.QueuedOutbox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists the pending outboxes of the in-memory store's sessions by scanning them. A paged walk
 * orders sessions by the sequence of their oldest pending entry, unique per session, which is
 * the cursor: it only grows while a session keeps an outbox (entries are appended, cleared ones
 * go), so a session pending throughout the walk is never moved behind the cursor.
 */
final class InMemoryPendingOutboxes {
  private InMemoryPendingOutboxes() {}

  /** The first {@code limit} entries of all sessions, oldest first. */
  static List<PendingOutbox> oldest(Map<String, SessionEntry> sessions, int limit) {
    return sessions.entrySet().stream()
        .flatMap(e -> e.getValue().outbox().stream().map(q -> new Queued(e.getKey(), q)))
        .sorted(Comparator.comparingLong(q -> q.outbox().sequence()))
        .limit(limit)
        .map(q -> new PendingOutbox(q.key(), q.outbox().entry()))
        .toList();
  }

  private record Queued(String key, QueuedOutbox outbox) {}

  /** The page of whole sessions after {@code cursor}, reaching {@code limit} entries if it can. */
  static PendingPage page(Map<String, SessionEntry> sessions, Optional<String> cursor, int limit) {
    long after = cursor.map(InMemoryPendingOutboxes::sequence).orElse(0L);
    List<Pending> ahead = sessions.entrySet().stream()
        .filter(e -> !e.getValue().outbox().isEmpty())
        .map(e -> new Pending(e.getKey(), e.getValue().outbox()))
        .filter(p -> p.first() > after)
        .sorted(Comparator.comparingLong(Pending::first))
        .toList();
    List<PendingOutbox> entries = new ArrayList<>();
    int taken = 0;
    while (taken < ahead.size() && entries.size() < limit) {
      Pending session = ahead.get(taken++);
      session.outbox().forEach(q -> entries.add(new PendingOutbox(session.key(), q.entry())));
    }
    Optional<String> next = taken < ahead.size()
        ? Optional.of(Long.toString(ahead.get(taken - 1).first()))
        : Optional.empty();
    return new PendingPage(entries, next);
  }

  private record Pending(String key, List<QueuedOutbox> outbox) {
    long first() {
      return outbox.get(0).sequence();
    }
  }

  private static long sequence(String cursor) {
    try {
      long sequence = Long.parseLong(cursor);
      if (sequence > 0) {
        return sequence;
      }
    } catch (NumberFormatException e) {
      // Reported below with the cursor, like any other foreign cursor.
    }
    throw new IllegalArgumentException("cursor '" + cursor + "' was not returned by this store");
  }
}
