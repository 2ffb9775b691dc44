package io.ttscenes.runtime.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends committed outbox entries of a session in commit order and remembers, in this process,
 * how far each one got: an entry whose sending stopped on a retryable failure is parked with the
 * index of its first unsent call, and later entries of that session wait behind it, so calls are
 * neither reordered nor sent twice by this process. A parked entry past its {@link ParkedLimits}
 * is dead-lettered and treated as sent, so the session's later entries go on. Fully sent (and
 * dead-lettered) entries are handed to {@link SentOutboxes}, which clears them from the store;
 * with no clear delay, an entry whose session has nothing queued is cleared right away, and so,
 * whatever the delay, is an entry of another owner (recovered under a claim on its lease).
 * Per-session methods must run on that session's lane.
 */
final class Outboxes {
  private static final Logger LOG = LoggerFactory.getLogger(Outboxes.class);

  // owner: the instance whose lease this process must hold to send the entry (see InstanceLease);
  // failures: sends of it that failed as retryable; since: when this process first tried it.
  private record Parked(String entryId, String owner, List<Effect> effects, int next, int failures, long since) {
    /**
     * After a send that stopped at call {@code stop}: failures count the repeats of one call, so
     * they start over when this send got past the call the last one stopped at.
     */
    Parked failedAt(List<Effect> calls, int stop) {
      return new Parked(entryId, owner, calls, stop, stop > next ? 1 : failures + 1, since);
    }
  }

  /** What becomes of a parked entry past its limits: its unsent calls kept as a dead letter. */
  record GiveUp(ParkedLimits limits, DeadLetters deadLetters, OutboxCodec codec, Clock clock) {}

  private final Effects effects;
  private final SentOutboxes sent;
  private final Predicate<String> laneBusy;
  private final Predicate<String> mayRetry;
  private final Supplier<String> self;
  private final GiveUp giveUp;
  private final ConcurrentHashMap<String, Deque<Parked>> parked = new ConcurrentHashMap<>();

  /**
   * {@code laneBusy} tells whether a session's lane has more work queued (its next commit then
   * clears what was sent); {@code mayRetry} whether this process may still send an entry stamped
   * with an owner (see {@link InstanceLease#mayRetry}); {@code self} this instance's id, which
   * entries of no other owner carry; {@code giveUp} when and how a parked entry is dead-lettered.
   */
  Outboxes(Effects effects, SentOutboxes sent, Predicate<String> laneBusy, Predicate<String> mayRetry,
      Supplier<String> self, GiveUp giveUp) {
    this.effects = effects;
    this.sent = sent;
    this.laneBusy = laneBusy;
    this.mayRetry = mayRetry;
    this.self = self;
    this.giveUp = giveUp;
  }

  /** Sends a just-committed entry after any parked entries of the session; returns entries fully sent. */
  int deliver(String key, String entryId, String owner, List<Effect> calls) {
    parked.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>()).add(parked(entryId, owner, calls));
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
    queue.add(parked(entryId, owner, calls));
    queue.addAll(later);
    return flush(key);
  }

  private Parked parked(String entryId, String owner, List<Effect> calls) {
    return new Parked(entryId, owner, calls, 0, 0, giveUp.clock().millis());
  }

  /** Sends the session's parked entries in order, stopping at a retryable failure. */
  int flush(String key) {
    Deque<Parked> queue = parked.get(key);
    int done = 0;
    // Whether an entry of another owner (sent under a claim on its lease) was done with here.
    boolean claimed = false;
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
        Parked failed = head.failedAt(List.copyOf(calls), stop);
        if (!giveUp.limits().exceeded(failed.failures(), failed.since(), giveUp.clock().millis())
            || !deadLetter(key, failed)) {
          queue.addFirst(failed);
          break;
        }
        // Dead-lettered: done with here like a sent entry, so it is cleared from the store the same way.
        sent.sent(key, failed.entryId(), failed.owner());
        claimed |= !failed.owner().equals(self.get());
        continue;
      }
      sent.sent(key, head.entryId(), head.owner());
      claimed |= !head.owner().equals(self.get());
      done++;
    }
    parked.computeIfPresent(key, (k, q) -> q.isEmpty() ? null : q);
    // Another owner's entries are cleared at once, whatever the clear delay and the lane's queue
    // (what is queued may be a recovery that never commits): the claim on that owner is kept until
    // they are (see LeaseKeeper), and while it is, the next recovering instance can recover none
    // of that owner's other entries. They are few (recovered after a crash).
    if (claimed || (sent.clearsAtOnce() && !laneBusy.test(key))) {
      sent.clearNow(key);
    }
    return done;
  }

  /**
   * Dead-letters the unsent calls of {@code failed}, which reached its limits; false when the
   * store could not keep the letter (the entry then stays parked and is tried again).
   */
  private boolean deadLetter(String key, Parked failed) {
    List<Effect> unsent = failed.effects().subList(failed.next(), failed.effects().size());
    long now = giveUp.clock().millis();
    String error = unsent.get(0).operation() + " still failed as retryable after " + failed.failures()
        + " attempt(s) over " + Duration.ofMillis(now - failed.since()).toSeconds() + " s; "
        + unsent.size() + " of " + failed.effects().size() + " call(s) unsent";
    String json = giveUp.codec().encode(new OutboxPayload(failed.since(), failed.entryId(), unsent,
        failed.owner())).json();
    return giveUp.deadLetters().reply(key, failed.entryId(), json, error);
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

  /** Returns the owners of the entries parked here (the claims on their leases are in use). */
  Set<String> parkedOwners() {
    return parked.values().stream().flatMap(Deque::stream).map(Parked::owner).collect(Collectors.toSet());
  }

  /** Returns the owners of the entries this process sent that are not cleared from the store yet. */
  Set<String> sentOwners() {
    return sent.owners();
  }

  /** Returns the sessions with parked entries. */
  Set<String> parkedKeys() {
    return Set.copyOf(parked.keySet());
  }
}
