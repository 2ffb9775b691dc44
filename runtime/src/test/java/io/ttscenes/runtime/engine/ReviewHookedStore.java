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
 * of a call (modelling network latency between the caller and the store), for the review tests.
 */
final class ReviewHookedStore implements SessionStore {
  private final SessionStore inner;
  private final AtomicReference<Runnable> beforeNextCancel = new AtomicReference<>();
  private final AtomicReference<Runnable> afterNextClear = new AtomicReference<>();
  private final AtomicReference<UnaryOperator<List<PendingOutbox>>> onNextPendingReply =
      new AtomicReference<>();

  ReviewHookedStore(SessionStore inner) {
    this.inner = inner;
  }

  /** Runs {@code action} once, just before the next cancelTimer reaches the store. */
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
  public CommitResult commit(Commit commit) {
    return inner.commit(commit);
  }

  @Override
  public void clearOutbox(String key, String outboxId) {
    inner.clearOutbox(key, outboxId);
    Runnable hook = afterNextClear.getAndSet(null);
    if (hook != null) {
      hook.run();
    }
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
    Runnable hook = beforeNextCancel.getAndSet(null);
    if (hook != null) {
      hook.run();
    }
    inner.cancelTimer(key);
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
}
