package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoreRejectedException;
import io.ttscenes.api.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * neither reordered nor sent twice by this process. A parked entry past its {@link ParkedLimits}
 * is dead-lettered and treated as sent, so the session's later entries go on. Sent entries are
 * cleared from the store in the session's next commit. With no clear delay, an entry whose session has nothing queued is cleared
 * right away instead (a store call of its own); with a delay it waits for the next commit, and
 * {@link #clearIdle} clears those that waited longer than the delay, so a crash re-sends at most the
 * entries sent within that window. Per-session methods must run on that session's lane; the
 * clearing passes may run on any thread, as clearing a sent entry twice is harmless.
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

  // Enough for every entry cleared while one recovery pass lists the store and reaches its lanes.
  private static final int CLEARED_MEMORY = 65_536;
  // Sent entries per store call of a clearing pass: one round trip each on Redis.
  private static final int CLEAR_BATCH = 1_000;

  private final SessionStore store;
  private final Effects effects;
  private final ObjectMapper mapper;
  // Writes a payload with the message bodies its sends already carry as JSON text.
  private final ObjectWriter payloadWriter;
  private final Predicate<String> laneBusy;
  private final Clock clock;
  private final Duration clearDelay;
  private final InstanceLease lease;
  private final ParkedLimits limits;
  private final DeadLetters deadLetters;
  private final ConcurrentHashMap<String, Deque<Parked>> parked = new ConcurrentHashMap<>();
  // Session key -> sent entry id -> when it was sent (clock millis).
  private final ConcurrentHashMap<String, Map<String, Long>> sentNotCleared = new ConcurrentHashMap<>();
  // Session key + '\n' + entry id of recently cleared entries, oldest first: a recovery pass may
  // have listed such an entry from the store just before it was cleared, and must not send it again.
  private final Set<String> recentlyCleared = Collections.newSetFromMap(
      Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > CLEARED_MEMORY;
        }
      }));

  Outboxes(SessionStore store, Effects effects, ObjectMapper mapper, Predicate<String> laneBusy,
      Clock clock, Duration clearDelay, InstanceLease lease, ParkedLimits limits, DeadLetters deadLetters) {
    this.store = store;
    this.effects = effects;
    this.mapper = mapper;
    this.payloadWriter = mapper.copy()
        .registerModule(new SimpleModule().addSerializer(Effect.Send.class, new WireBodySerializer()))
        .writerFor(OutboxPayload.class);
    this.laneBusy = laneBusy;
    this.clock = clock;
    this.clearDelay = clearDelay;
    this.lease = lease;
    this.limits = limits;
    this.deadLetters = deadLetters;
  }

  /** The instance id to stamp on an entry committed now. */
  String owner() {
    return lease.id();
  }

  /** An outbox entry's JSON and its effects to send, each message body written once for both. */
  record Encoded(String json, List<Effect> effects) {}

  /**
   * Writes {@code payload} as JSON, the same text Jackson writes for it, except that each message
   * body is written first on its own and copied in, so that the send can reuse it.
   *
   * @throws UnwritableStateException if an effect cannot be written as JSON
   */
  Encoded encode(OutboxPayload payload) {
    try {
      List<Effect> ready = withWireBodies(payload.effects());
      // Through UTF-8 bytes, as the bodies: a lone surrogate in an edit or answer then stays
      // escaped instead of turning into '?' when the store encodes the entry.
      String json = new String(payloadWriter.writeValueAsBytes(
          new OutboxPayload(payload.createdAt(), payload.updateId(), ready, payload.owner())), StandardCharsets.UTF_8);
      return new Encoded(json, ready);
    } catch (IOException | IllegalArgumentException e) {
      throw new UnwritableStateException("could not write the outbox of update " + payload.updateId()
          + ": " + e.getMessage(), e);
    }
  }

  /** The effects with each message body written as JSON text once, for the outbox and the send. */
  private List<Effect> withWireBodies(List<Effect> effects) throws IOException {
    List<Effect> ready = new ArrayList<>(effects.size());
    for (Effect effect : effects) {
      if (effect instanceof Effect.Send send && send.wireBody() == null) {
        // Written as UTF-8 bytes and read back, not written to a String: the byte writer escapes a
        // lone surrogate (a text cut inside an emoji) as \uD83D, which then survives the UTF-8
        // encoding of the request, where a raw one would turn into '?'.
        ready.add(send.withWireBody(new String(mapper.writeValueAsBytes(send.body()), StandardCharsets.UTF_8)));
      } else {
        ready.add(effect);
      }
    }
    return ready;
  }

  OutboxPayload decode(String json) {
    try {
      return mapper.readValue(json, OutboxPayload.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not read an outbox entry: " + e.getOriginalMessage(), e);
    }
  }

  /** Sends a just-committed entry after any parked entries of the session; returns entries fully sent. */
  int deliver(String key, String entryId, String owner, List<Effect> calls) {
    parked.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>()).add(parked(entryId, owner, calls));
    return flush(key);
  }

  /**
   * Sends an entry found in the store (left by a crash) in commit order among the session's parked
   * entries: before those with a higher version (the number its id starts with), behind an entry
   * whose sending already began. {@code owner} is the instance whose lease this one holds for it.
   * Returns entries fully sent.
   */
  int deliverRecovered(String key, String entryId, String owner, List<Effect> calls) {
    Deque<Parked> queue = parked.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
    long version = version(entryId);
    Deque<Parked> later = new ArrayDeque<>();
    while (!queue.isEmpty() && queue.peekLast().next() == 0 && version(queue.peekLast().entryId()) > version) {
      later.addFirst(queue.pollLast());
    }
    queue.add(parked(entryId, owner, calls));
    queue.addAll(later);
    return flush(key);
  }

  private Parked parked(String entryId, String owner, List<Effect> calls) {
    return new Parked(entryId, owner, calls, 0, 0, clock.millis());
  }

  private static long version(String entryId) {
    int colon = entryId.indexOf(':');
    try {
      return Long.parseLong(colon < 0 ? entryId : entryId.substring(0, colon));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Sends the session's parked entries in order, stopping at a retryable failure. */
  int flush(String key) {
    Deque<Parked> queue = parked.get(key);
    int sent = 0;
    while (queue != null && !queue.isEmpty()) {
      Parked head = queue.peek();
      if (!lease.mayRetry(head.owner())) {
        // Another instance took the lease this entry was sent under; it recovers the entry.
        LOG.warn("session {}: outbox {} is left to the instance holding the lease of instance {}",
            key, head.entryId(), head.owner());
        queue.poll();
        continue;
      }
      // A copy the send may update: a call already made gives way to the outcome of its continuation.
      List<Effect> calls = new ArrayList<>(head.effects());
      int stop = effects.send(key, calls, head.next());
      if (stop < calls.size()) {
        Parked failed = head.failedAt(List.copyOf(calls), stop);
        queue.poll();
        if (!limits.exceeded(failed.failures(), failed.since(), clock.millis()) || !giveUp(key, failed)) {
          queue.addFirst(failed);
          break;
        }
        // Dead-lettered: done with here like a sent entry, so it is cleared from the store the same way.
        done(key, failed.entryId());
        continue;
      }
      queue.poll();
      done(key, head.entryId());
      sent++;
    }
    parked.computeIfPresent(key, (k, q) -> q.isEmpty() ? null : q);
    if (clearDelay.isZero() && !laneBusy.test(key)) {
      clearNow(key);
    }
    return sent;
  }

  private void done(String key, String entryId) {
    long now = clock.millis();
    sentNotCleared.compute(key, (k, known) -> {
      Map<String, Long> ids = known == null ? new ConcurrentHashMap<>() : known;
      ids.put(entryId, now);
      return ids;
    });
  }

  /**
   * Dead-letters the unsent calls of {@code failed}, which reached its limits; false when the
   * store could not keep the letter (the entry then stays parked and is tried again).
   */
  private boolean giveUp(String key, Parked failed) {
    List<Effect> unsent = failed.effects().subList(failed.next(), failed.effects().size());
    String error = unsent.get(0).operation() + " still failed as retryable after " + failed.failures()
        + " attempt(s) over " + Duration.ofMillis(clock.millis() - failed.since()).toSeconds() + " s; "
        + unsent.size() + " of " + failed.effects().size() + " call(s) unsent";
    String json = encode(new OutboxPayload(failed.since(), failed.entryId(), unsent, failed.owner())).json();
    return deadLetters.reply(key, failed.entryId(), json, error);
  }

  /** Returns ids of sent entries the session's next commit should clear. */
  Set<String> toClear(String key) {
    Map<String, Long> ids = sentNotCleared.get(key);
    // Set.of on the (distinct) keys: Set.copyOf would build a HashSet first, on every commit.
    return ids == null ? Set.of() : Set.of(ids.keySet().toArray(String[]::new));
  }

  /** Forgets ids that a successful commit cleared. */
  void cleared(String key, Set<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    ids.forEach(id -> recentlyCleared.add(key + "\n" + id));
    sentNotCleared.computeIfPresent(key, (k, sent) -> {
      sent.keySet().removeAll(ids);
      return sent.isEmpty() ? null : sent;
    });
  }

  /**
   * Clears from the store the sent entries that no commit cleared within the clear delay; returns
   * how many. Stops at the first store failure (the rest wait for the next pass or commit).
   */
  int clearIdle() {
    return clearSentBefore(clock.millis() - clearDelay.toMillis());
  }

  /** Clears every sent entry not cleared yet (on a graceful stop); returns how many. */
  int clearAllSent() {
    return clearSentBefore(Long.MAX_VALUE);
  }

  private int clearSentBefore(long cutoffMillis) {
    int count = 0;
    Map<String, List<String>> batch = new HashMap<>();
    int inBatch = 0;
    for (Map.Entry<String, Map<String, Long>> session : sentNotCleared.entrySet()) {
      for (Map.Entry<String, Long> sent : session.getValue().entrySet()) {
        if (sent.getValue() <= cutoffMillis) {
          batch.computeIfAbsent(session.getKey(), k -> new ArrayList<>()).add(sent.getKey());
          inBatch++;
        }
      }
      if (inBatch >= CLEAR_BATCH) {
        if (!clearBatch(batch, count)) {
          return count;
        }
        count += inBatch;
        batch.clear();
        inBatch = 0;
      }
    }
    return inBatch > 0 && clearBatch(batch, count) ? count + inBatch : count;
  }

  /** Clears one batch from the store and forgets it; false (logged) when the store failed. */
  private boolean clearBatch(Map<String, List<String>> batch, int clearedBefore) {
    try {
      store.clearOutboxes(batch);
    } catch (StoreUnavailableException | StoreRejectedException e) {
      LOG.warn("could not clear sent outboxes ({}); {} cleared in this pass, the rest wait for "
          + "their session's next commit or the next pass", e.getMessage(), clearedBefore);
      return false;
    }
    batch.forEach((key, ids) -> cleared(key, Set.copyOf(ids)));
    return true;
  }

  /**
   * Clears sent entries of the session now; on a store failure or refusal they wait for the next
   * commit (the update that sent them is done: failing it would only have it redelivered).
   */
  void clearNow(String key) {
    Set<String> ids = toClear(key);
    if (ids.isEmpty()) {
      return;
    }
    try {
      store.clearOutboxes(Map.of(key, ids));
      cleared(key, ids);
    } catch (StoreUnavailableException | StoreRejectedException e) {
      LOG.warn("session {}: could not clear sent outboxes {} ({}); the next commit clears them",
          key, ids, e.getMessage());
    }
  }

  /** Returns whether this process sent entry {@code id} and has not cleared it from the store yet. */
  boolean sentButNotCleared(String key, String id) {
    Map<String, Long> sent = sentNotCleared.get(key);
    return sent != null && sent.containsKey(id);
  }

  /**
   * Returns whether this process is sending, has parked or has sent entry {@code id} (cleared
   * entries are remembered for the last {@value #CLEARED_MEMORY} clears).
   */
  boolean knows(String key, String id) {
    if (sentButNotCleared(key, id) || recentlyCleared.contains(key + "\n" + id)) {
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
