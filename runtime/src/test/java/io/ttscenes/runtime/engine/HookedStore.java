package io.ttscenes.runtime.engine;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.ForwardingSessionStore;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.PendingOutbox;
import io.ttscenes.api.store.PendingPage;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoredSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A real store with one-shot hooks that let a test place another actor's work at an exact point
 * of a call (modelling network latency between the caller and the store).
 */
final class HookedStore extends ForwardingSessionStore {
  private final AtomicReference<Runnable> beforeNextCancel = new AtomicReference<>();
  private final AtomicReference<Runnable> afterNextCommit = new AtomicReference<>();
  private final AtomicReference<Runnable> afterNextClear = new AtomicReference<>();
  private final AtomicReference<UnaryOperator<List<PendingOutbox>>> onNextPendingReply =
      new AtomicReference<>();

  HookedStore(SessionStore inner) {
    super(inner);
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
  public CommitResult commit(Commit commit) {
    CommitResult result = delegate().commit(commit);
    runOnce(afterNextCommit);
    return result;
  }

  @Override
  public void clearOutbox(String key, String outboxId) {
    delegate().clearOutbox(key, outboxId);
    runOnce(afterNextClear);
  }

  @Override
  public void clearOutboxes(Map<String, ? extends Collection<String>> idsByKey) {
    delegate().clearOutboxes(idsByKey);
    runOnce(afterNextClear);
  }

  @Override
  public List<PendingOutbox> pendingOutboxes(int limit) {
    List<PendingOutbox> reply = delegate().pendingOutboxes(limit);
    UnaryOperator<List<PendingOutbox>> hook = onNextPendingReply.getAndSet(null);
    return hook == null ? reply : hook.apply(reply);
  }

  @Override
  public PendingPage pendingOutboxes(Optional<String> cursor, int limit) {
    PendingPage page = delegate().pendingOutboxes(cursor, limit);
    UnaryOperator<List<PendingOutbox>> hook = onNextPendingReply.getAndSet(null);
    return hook == null ? page : new PendingPage(hook.apply(page.entries()), page.next());
  }

  @Override
  public void cancelTimer(String key) {
    runOnce(beforeNextCancel);
    delegate().cancelTimer(key);
  }

  @Override
  public boolean cancelTimer(String key, Instant due) {
    runOnce(beforeNextCancel);
    return delegate().cancelTimer(key, due);
  }

  private static void runOnce(AtomicReference<Runnable> hook) {
    Runnable action = hook.getAndSet(null);
    if (action != null) {
      action.run();
    }
  }
}
