package io.ttscenes.testkit.kit;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.PendingOutbox;
import io.ttscenes.api.store.PendingPage;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoredSession;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real in-memory store in which another writer gets in first when armed: just before the next
 * commit, the same session is written again unchanged under a new version, so that commit really
 * conflicts and the engine re-runs the handler, as it would against a second instance.
 */
final class ConflictingStore implements SessionStore {
  private final SessionStore store = InMemorySessionStore.create();
  private final AtomicInteger armed = new AtomicInteger();
  private final AtomicInteger forced = new AtomicInteger();

  /** Makes the next {@code commits} commits of sessions that exist already lose their race. */
  void conflictNext(int commits) {
    armed.set(commits);
  }

  /** How many conflicts this store caused. */
  int forced() {
    return forced.get();
  }

  @Override
  public CommitResult commit(Commit commit) {
    Optional<StoredSession> current = store.load(commit.key());
    if (current.isPresent() && current.get().version() == commit.expectedVersion()
        && armed.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      store.commit(new Commit(commit.key(), commit.expectedVersion(), current.get().data(), Optional.empty(),
          "other-writer:" + forced.incrementAndGet(), Duration.ofDays(1)));
    }
    return store.commit(commit);
  }

  @Override public Optional<StoredSession> load(String key) { return store.load(key); }
  @Override public Optional<StoredSession> loadLatest(String key) { return store.loadLatest(key); }
  @Override public void clearOutbox(String key, String outboxId) { store.clearOutbox(key, outboxId); }
  @Override public void clearOutboxes(Map<String, ? extends Collection<String>> ids) { store.clearOutboxes(ids); }
  @Override public List<PendingOutbox> pendingOutboxes(int limit) { return store.pendingOutboxes(limit); }

  @Override
  public PendingPage pendingOutboxes(Optional<String> cursor, int limit) {
    return store.pendingOutboxes(cursor, limit);
  }

  @Override public void scheduleTimer(String key, Instant due) { store.scheduleTimer(key, due); }
  @Override public void cancelTimer(String key) { store.cancelTimer(key); }
  @Override public boolean cancelTimer(String key, Instant due) { return store.cancelTimer(key, due); }

  @Override
  public List<String> claimDueTimers(Instant now, Duration lease, int limit) {
    return store.claimDueTimers(now, lease, limit);
  }

  @Override public OptionalLong loadMarker() { return store.loadMarker(); }
  @Override public void saveMarker(long marker) { store.saveMarker(marker); }

  @Override
  public boolean tryAcquireLease(String name, String owner, Duration ttl) {
    return store.tryAcquireLease(name, owner, ttl);
  }

  @Override
  public boolean renewLease(String name, String owner, Duration ttl) {
    return store.renewLease(name, owner, ttl);
  }

  @Override public void releaseLease(String name, String owner) { store.releaseLease(name, owner); }
  @Override public void close() { store.close(); }
}
