package io.ttscenes.storage.redis;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.OutboxEntry;
import io.ttscenes.api.store.StoreUnavailableException;
import io.ttscenes.api.store.StoredSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Commits to its sessions in turn, as the engine would: version n+1 with update id
 * {@code key#n+1} and an outbox entry, clearing the previous one. A commit that fails with the
 * outcome unknown is resolved by reading the session back: applied (its update id is there) or
 * not (retried). Keeps the version each session was acknowledged at.
 */
final class SessionWriter extends Thread {
  private final RedisSessionStore store;
  private final List<String> keys;
  private final Map<String, Long> acked = new ConcurrentHashMap<>();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong resolved = new AtomicLong();
  private final AtomicLong anomalies = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();
  private volatile boolean stopped;

  SessionWriter(RedisSessionStore store, List<String> keys) {
    super("writer-" + keys.get(0));
    this.store = store;
    this.keys = List.copyOf(keys);
    keys.forEach(k -> acked.put(k, 0L));
  }

  @Override
  public void run() {
    while (!stopped) {
      for (String key : keys) {
        step(key, acked.get(key));
      }
    }
  }

  private void step(String key, long version) {
    String id = key + "#" + (version + 1);
    Commit commit = new Commit(key, version, "d" + (version + 1),
        Optional.of(new OutboxEntry("o" + (version + 1), "p")), id, Duration.ofHours(1));
    if (version > 0) {
      commit = commit.withClearedOutboxIds(Set.of("o" + version));
    }
    try {
      CommitResult result = store.commit(commit);
      if (result instanceof CommitResult.Committed) {
        ack(key, version + 1);
      } else {
        resolve(key, version, id);
      }
    } catch (StoreUnavailableException e) {
      errors.incrementAndGet();
      resolve(key, version, id);
    }
  }

  private void resolve(String key, long version, String id) {
    while (!stopped) {
      try {
        Optional<StoredSession> stored = store.loadLatest(key);
        long current = stored.map(StoredSession::version).orElse(0L);
        if (current == version + 1 && stored.get().hasSeen(id)) {
          resolved.incrementAndGet();
          ack(key, current);
        } else if (current < version) {
          // Acknowledged commits are gone: lost in the failover. Go on from what is there.
          lost.addAndGet(version - current);
          ack(key, current);
        } else if (current != version) {
          anomalies.incrementAndGet();
          ack(key, current);
        }
        return;
      } catch (StoreUnavailableException e) {
        errors.incrementAndGet();
        LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      }
    }
  }

  private void ack(String key, long version) {
    acked.put(key, version);
    acknowledged.incrementAndGet();
  }

  void finish() throws InterruptedException {
    stopped = true;
    join();
  }

  Map<String, Long> acked() {
    return Map.copyOf(acked);
  }

  long acknowledged() {
    return acknowledged.get();
  }

  long errors() {
    return errors.get();
  }

  long resolved() {
    return resolved.get();
  }

  /** Acknowledged commits found missing when the session was read back. */
  long lost() {
    return lost.get();
  }

  /** Sessions found at a version neither acknowledged nor the one just tried. */
  long anomalies() {
    return anomalies.get();
  }
}
