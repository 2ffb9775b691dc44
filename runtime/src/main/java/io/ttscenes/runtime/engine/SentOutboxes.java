package io.ttscenes.runtime.engine;

import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoreRejectedException;
import io.ttscenes.api.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears sent outbox entries from the store: they are named in the session's next commit, or,
 * once older than the clear delay, cleared in batches by {@link #clearIdle} (so a crash re-sends
 * at most the entries sent within that window). Remembers the entries it cleared lately, so that
 * recovery does not send again an entry it listed from the store just before it was cleared.
 * Thread-safe: clearing a sent entry twice is harmless.
 */
final class SentOutboxes {
  private static final Logger LOG = LoggerFactory.getLogger(SentOutboxes.class);

  // Enough for every entry cleared while one recovery pass lists the store and reaches its lanes.
  private static final int CLEARED_MEMORY = 65_536;
  // Sent entries per store call of a clearing pass: one round trip each on Redis.
  private static final int CLEAR_BATCH = 1_000;

  private final SessionStore store;
  private final Clock clock;
  private final Duration clearDelay;
  // Session key -> sent entry id -> when it was sent and under whose instance lease.
  private final ConcurrentHashMap<String, Map<String, Sent>> sentNotCleared = new ConcurrentHashMap<>();
  // Session key + '\n' + entry id of recently cleared entries, oldest first.
  private final Set<String> recentlyCleared = Collections.newSetFromMap(
      Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > CLEARED_MEMORY;
        }
      }));

  SentOutboxes(SessionStore store, Clock clock, Duration clearDelay) {
    this.store = store;
    this.clock = clock;
    this.clearDelay = clearDelay;
  }

  /** Whether sent entries wait for a commit or a pass (a delay) rather than being cleared at once. */
  boolean clearsAtOnce() {
    return clearDelay.isZero();
  }

  /** When an entry was sent (clock millis) and the instance whose lease it was sent under. */
  private record Sent(long at, String owner) {}

  /** Remembers that entry {@code id} of the session, stamped with {@code owner}, was fully sent now. */
  void sent(String key, String id, String owner) {
    long now = clock.millis();
    sentNotCleared.compute(key, (k, known) -> {
      Map<String, Sent> ids = known == null ? new ConcurrentHashMap<>() : known;
      ids.put(id, new Sent(now, owner));
      return ids;
    });
  }

  /**
   * The owners of the entries sent and not yet cleared from the store. A claim on such an owner's
   * lease is still in use: released, it would let another recovering instance list the entry and
   * send it again.
   */
  Set<String> owners() {
    Set<String> owners = new HashSet<>();
    sentNotCleared.values().forEach(ids -> ids.values().forEach(sent -> {
      if (sent.owner() != null) {
        owners.add(sent.owner());
      }
    }));
    return owners;
  }

  /** Returns ids of sent entries the session's next commit should clear. */
  Set<String> toClear(String key) {
    Map<String, Sent> ids = sentNotCleared.get(key);
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
    long now = clock.millis();
    return clearSentBefore(now - clearDelay.toMillis(), now);
  }

  /** Clears every sent entry not cleared yet (on a graceful stop); returns how many. */
  int clearAllSent() {
    return clearSentBefore(Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /**
   * Clears the entries sent at or before {@code cutoffMillis}, and those sent "after" {@code
   * nowMillis}: the wall clock stepped back since (NTP), and their age is unknown; waiting for
   * them to look old enough would leave them in the store for the size of the step.
   */
  private int clearSentBefore(long cutoffMillis, long nowMillis) {
    int count = 0;
    Map<String, List<String>> batch = new HashMap<>();
    int inBatch = 0;
    for (Map.Entry<String, Map<String, Sent>> session : sentNotCleared.entrySet()) {
      for (Map.Entry<String, Sent> sent : session.getValue().entrySet()) {
        long at = sent.getValue().at();
        if (at <= cutoffMillis || at > nowMillis) {
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
    Map<String, Sent> sent = sentNotCleared.get(key);
    return sent != null && sent.containsKey(id);
  }

  /** Returns whether entry {@code id} was sent by this process (cleared or not, within memory). */
  boolean knows(String key, String id) {
    return sentButNotCleared(key, id) || recentlyCleared.contains(key + "\n" + id);
  }
}
