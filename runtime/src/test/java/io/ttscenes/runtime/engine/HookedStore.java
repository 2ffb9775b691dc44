package io.ttscenes.runtime.engine;

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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A real store with one-shot hooks that let a test place another actor's work at an exact point
 * of a call (modelling network latency between the caller and the store).
 */
final class HookedStore implements SessionStore {
  private final SessionStore inner;
  private final AtomicReference<Runnable> beforeNextCancel = new AtomicReference<>();
  private final AtomicReference<Runnable> afterNextCommit = new AtomicReference<>();
  private final AtomicReference<Runnable> afterNextClear = new AtomicReference<>();
  private final AtomicReference<UnaryOperator<List<PendingOutbox>>> onNextPendingReply =
      new AtomicReference<>();

  HookedStore(SessionStore inner) {
    this.inner = inner;
  }

  /** Runs {@code action} once, right after the next commit reached the store. */
  void afterNextCommit(Runnable action) {
    afterNextCommit.set(action);
  }

  /** Runs {@code action} once, just before the next cancelTimer (either form) reaches the store. */
  void beforeNextCancel(Runnable action) {
    beforeNextCancel.set(action);
  }

  /** Runs {@code action} once, right after the next clearOutbox reached the store. */
  void afterNextClear(Runnable action) {
    afterNextClear.set(action);
  }

  /** Passes the next pendingOutboxes reply through {@code reply} before the caller sees it. */
  void onNextPendingReply(UnaryOperator<List<PendingOutbox>> reply) {
    onNextPendingReply.set(reply);
  }

  @Override
  public Optional<StoredSession> load(String key) {
    return inner.load(key);
  }

  @Override
  public Optional<StoredSession> loadLatest(String key) {
    return inner.loadLatest(key);
  }

  @Override
  public CommitResult commit(Commit commit) {
    CommitResult result = inner.commit(commit);
    runOnce(afterNextCommit);
    return result;
  }

  @Override
  public void clearOutbox(String key, String outboxId) {
    inner.clearOutbox(key, outboxId);
    runOnce(afterNextClear);
  }

  @Override
  public List<PendingOutbox> pendingOutboxes(int limit) {
    List<PendingOutbox> reply = inner.pendingOutboxes(limit);
    UnaryOperator<List<PendingOutbox>> hook = onNextPendingReply.getAndSet(null);
    return hook == null ? reply : hook.apply(reply);
  }

  @Override
  public void scheduleTimer(String key, Instant due) {
    inner.scheduleTimer(key, due);
  }

  @Override
  public void cancelTimer(String key) {
    runOnce(beforeNextCancel);
    inner.cancelTimer(key);
  }

  @Override
  public boolean cancelTimer(String key, Instant due) {
    runOnce(beforeNextCancel);
    return inner.cancelTimer(key, due);
  }

  @Override
  public List<String> claimDueTimers(Instant now, Duration lease, int limit) {
    return inner.claimDueTimers(now, lease, limit);
  }

  @Override
  public OptionalLong loadMarker() {
    return inner.loadMarker();
  }

  @Override
  public void saveMarker(long marker) {
    inner.saveMarker(marker);
  }

  @Override
  public void close() {
    inner.close();
  }

  private static void runOnce(AtomicReference<Runnable> hook) {
    Runnable action = hook.getAndSet(null);
    if (action != null) {
      action.run();
    }
  }
}
