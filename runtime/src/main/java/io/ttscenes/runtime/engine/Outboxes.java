package io.ttscenes.runtime.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends committed outbox entries of a session in commit order and remembers, in this process,
 * how far each one got: an entry whose sending stopped on a retryable failure is parked with the
 * index of its first unsent call, and later entries of that session wait behind it, so calls are
 * neither reordered nor sent twice by this process. Fully sent entries are handed to
 * {@link SentOutboxes}, which clears them from the store; with no clear delay, an entry whose
 * session has nothing queued is cleared right away. Per-session methods must run on that
 * session's lane.
 */
final class Outboxes {
  private static final Logger LOG = LoggerFactory.getLogger(Outboxes.class);

  // owner: the instance whose lease this process must hold to send the entry (see InstanceLease).
  private record Parked(String entryId, String owner, List<Effect> effects, int next) {}

  private final Effects effects;
  private final SentOutboxes sent;
  private final Predicate<String> laneBusy;
  private final Predicate<String> mayRetry;
  private final ConcurrentHashMap<String, Deque<Parked>> parked = new ConcurrentHashMap<>();

  /**
   * {@code laneBusy} tells whether a session's lane has more work queued (its next commit then
   * clears what was sent); {@code mayRetry} whether this process may still send an entry stamped
   * with an owner (see {@link InstanceLease#mayRetry}).
   */
  Outboxes(Effects effects, SentOutboxes sent, Predicate<String> laneBusy, Predicate<String> mayRetry) {
    this.effects = effects;
    this.sent = sent;
    this.laneBusy = laneBusy;
    this.mayRetry = mayRetry;
  }

  /** Sends a just-committed entry after any parked entries of the session; returns entries fully sent. */
  int deliver(String key, String entryId, String owner, List<Effect> calls) {
    parked.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>()).add(new Parked(entryId, owner, calls, 0));
    return flush(key);
  }

  /**
   * Sends an entry found in the store (left by a crash) in commit order among the session's parked
   * entries: before those with a higher version, behind an entry whose sending already began.
   * {@code owner} is the instance whose lease this one holds for it. Returns entries fully sent.
   */
  int deliverRecovered(String key, String entryId, String owner, List<Effect> calls) {
    Deque<Parked> queue = parked.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
    long version = OutboxId.versionOf(entryId);
    Deque<Parked> later = new ArrayDeque<>();
    while (!queue.isEmpty() && queue.peekLast().next() == 0
        && OutboxId.versionOf(queue.peekLast().entryId()) > version) {
      later.addFirst(queue.pollLast());
    }
    queue.add(new Parked(entryId, owner, calls, 0));
    queue.addAll(later);
    return flush(key);
  }

  /** Sends the session's parked entries in order, stopping at a retryable failure. */
  int flush(String key) {
    Deque<Parked> queue = parked.get(key);
    int done = 0;
    while (queue != null && !queue.isEmpty()) {
      Parked head = queue.peek();
      if (!mayRetry.test(head.owner())) {
        // Another instance took the lease this entry was sent under; it recovers the entry.
        LOG.warn("session {}: outbox {} is left to the instance holding the lease of instance {}",
            key, head.entryId(), head.owner());
        queue.poll();
        continue;
      }
      // A copy the send may update: a call already made gives way to the outcome of its continuation.
      List<Effect> calls = new ArrayList<>(head.effects());
      int stop = effects.send(key, calls, head.next());
      queue.poll();
      if (stop < calls.size()) {
        queue.addFirst(new Parked(head.entryId(), head.owner(), List.copyOf(calls), stop));
        break;
      }
      sent.sent(key, head.entryId());
      done++;
    }
    parked.computeIfPresent(key, (k, q) -> q.isEmpty() ? null : q);
    if (sent.clearsAtOnce() && !laneBusy.test(key)) {
      sent.clearNow(key);
    }
    return done;
  }

  /**
   * Returns whether this process is sending, has parked or has sent entry {@code id} (cleared
   * entries are remembered for a while: see {@link SentOutboxes}).
   */
  boolean knows(String key, String id) {
    if (sent.knows(key, id)) {
      return true;
    }
    Deque<Parked> queue = parked.get(key);
    return queue != null && queue.stream().anyMatch(p -> p.entryId().equals(id));
  }

  /** Returns whether an entry of {@code owner} is parked here (a claim on its lease is in use). */
  boolean parksFor(String owner) {
    return parked.values().stream().anyMatch(q -> q.stream().anyMatch(p -> p.owner().equals(owner)));
  }

  /** Returns the sessions with parked entries. */
  Set<String> parkedKeys() {
    return Set.copyOf(parked.keySet());
  }
}
