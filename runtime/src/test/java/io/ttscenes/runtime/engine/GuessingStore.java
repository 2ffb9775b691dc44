package io.ttscenes.runtime.engine;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.ForwardingSessionStore;
import io.ttscenes.api.store.SessionRead;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoredSession;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real store answering {@link #loadOrGuess} as the Redis store with its near cache does: a
 * session this process committed, or received in a refusal, since the last {@link #restart()} is
 * read; any other is guessed absent. Counts the reads and commits that would be round trips.
 */
final class GuessingStore extends ForwardingSessionStore {
  private final Set<String> known = ConcurrentHashMap.newKeySet();
  /** The keys guessed absent, in order. */
  final List<String> guessed = new CopyOnWriteArrayList<>();
  /** Calls of load and loadLatest (reads of the backing service). */
  final AtomicInteger reads = new AtomicInteger();
  final AtomicInteger commits = new AtomicInteger();

  GuessingStore(SessionStore inner) {
    super(inner);
  }

  /** The real store, for another instance's writes and for checks that must not be counted. */
  SessionStore inner() {
    return delegate();
  }

  /** Forgets every session, as a new process with an empty near cache would. */
  void restart() {
    known.clear();
  }

  @Override
  public SessionRead loadOrGuess(String key) {
    if (known.contains(key)) {
      return SessionRead.loaded(delegate().load(key));
    }
    guessed.add(key);
    return SessionRead.guessedAbsent();
  }

  @Override
  public Optional<StoredSession> load(String key) {
    reads.incrementAndGet();
    return super.load(key);
  }

  @Override
  public Optional<StoredSession> loadLatest(String key) {
    reads.incrementAndGet();
    return super.loadLatest(key);
  }

  @Override
  public CommitResult commit(Commit commit) {
    commits.incrementAndGet();
    CommitResult result = super.commit(commit);
    if (result instanceof CommitResult.Committed
        || result instanceof CommitResult.Conflict conflict && conflict.current().isPresent()) {
      known.add(commit.key());
    }
    return result;
  }
}
