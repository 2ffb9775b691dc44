package io.ttscenes.testkit.kit;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.PendingOutbox;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoredSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The store as the runtime sees it in a test: everything goes to the real store except that the
 * runtime's own timer poller never claims a timer. Scene timeouts fire only from
 * {@link BotTester#advance}, on the test's thread, so whether a timeout has run never depends on
 * when a background poll happened. Closing is left to the tester.
 */
final class ManualTimers implements SessionStore {
  private final SessionStore store;

  ManualTimers(SessionStore store) {
    this.store = store;
  }

  @Override
  public List<String> claimDueTimers(Instant now, Duration lease, int limit) {
    return List.of();
  }

  @Override
  public Optional<StoredSession> load(String key) {
    return store.load(key);
  }

  @Override
  public Optional<StoredSession> loadLatest(String key) {
    return store.loadLatest(key);
  }

  @Override
  public CommitResult commit(Commit commit) {
    return store.commit(commit);
  }

  @Override
  public void clearOutbox(String key, String outboxId) {
    store.clearOutbox(key, outboxId);
  }

  @Override
  public List<PendingOutbox> pendingOutboxes(int limit) {
    return store.pendingOutboxes(limit);
  }

  @Override
  public void scheduleTimer(String key, Instant due) {
    store.scheduleTimer(key, due);
  }

  @Override
  public void cancelTimer(String key) {
    store.cancelTimer(key);
  }

  @Override
  public boolean cancelTimer(String key, Instant due) {
    return store.cancelTimer(key, due);
  }

  @Override
  public OptionalLong loadMarker() {
    return store.loadMarker();
  }

  @Override
  public void saveMarker(long marker) {
    store.saveMarker(marker);
  }

  @Override
  public void close() {
    // The tester closes the store it made; a store it was given stays open for its owner.
  }
}
