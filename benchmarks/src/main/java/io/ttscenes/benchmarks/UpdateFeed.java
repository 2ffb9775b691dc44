package io.ttscenes.benchmarks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The update queue behind {@code GET /updates}, with the Bot API's marker semantics: every
 * released update gets the next sequence number; a request with marker {@code m} commits (drops)
 * the updates numbered below {@code m} and gets up to {@code limit} of the rest; the answer's
 * marker is one past the last update given (the request's own marker when none is). Not
 * thread-safe: the server's event loop owns it.
 */
final class UpdateFeed {
  /** What one poll returns: the updates' JSON in order and the marker for the next poll. */
  record Batch(List<String> updates, long marker) {
    boolean isEmpty() {
      return updates.isEmpty();
    }
  }

  private record Released(long seq, String json) {}

  private final ArrayDeque<Released> pending = new ArrayDeque<>();
  private long nextSeq = 1;

  /** Appends {@code updates} in order. */
  void release(List<String> updates) {
    updates.forEach(this::release);
  }

  /** Appends one update. */
  void release(String update) {
    pending.addLast(new Released(nextSeq++, update));
  }

  /**
   * Commits the updates below {@code marker} (null: commits nothing, starts at the oldest
   * pending update) and returns up to {@code limit} of the rest; empty when none is pending.
   */
  Batch take(Long marker, int limit) {
    if (marker != null) {
      while (!pending.isEmpty() && pending.peekFirst().seq() < marker) {
        pending.removeFirst();
      }
    }
    long from = marker == null ? 0 : marker;
    List<String> out = new ArrayList<>(Math.min(limit, pending.size()));
    long last = Math.max(from, 1) - 1;
    for (Released update : pending) {
      if (out.size() == limit) {
        break;
      }
      out.add(update.json());
      last = update.seq();
    }
    return new Batch(out, last + 1);
  }
}
