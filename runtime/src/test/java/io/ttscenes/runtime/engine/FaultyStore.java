package io.ttscenes.runtime.engine;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.PendingOutbox;
import io.ttscenes.api.store.PendingPage;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoreRejectedException;
import io.ttscenes.api.store.StoreUnavailableException;
import io.ttscenes.api.store.SessionRead;
import io.ttscenes.api.store.StoredSession;
import io.ttscenes.api.store.ForwardingSessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A store wrapper that injects faults into a real store: a foreign write right before the next
 * commit (so it conflicts), an outage (every call throws), or a commit that lands but reports a
 * failure. Thread-safe.
 */
final class FaultyStore extends ForwardingSessionStore {
  private final AtomicReference<Runnable> beforeNextCommit = new AtomicReference<>();
  private final AtomicInteger landedButFailed = new AtomicInteger();
  private final AtomicInteger commits = new AtomicInteger();
  private final AtomicInteger failedCalls = new AtomicInteger();
  private final AtomicInteger clearCalls = new AtomicInteger();
  private volatile boolean down;
  private volatile boolean rejecting;

  FaultyStore(SessionStore inner) {
    super(inner);
  }

  SessionStore inner() {
    return delegate();
  }

  /** Runs {@code write} (typically a commit by "another instance") just before the next commit. */
  void beforeNextCommit(Runnable write) {
    beforeNextCommit.set(write);
  }

  /** The next {@code times} commits are written but then reported as a store failure. */
  void landButFail(int times) {
    landedButFailed.set(times);
  }

  void down(boolean down) {
    this.down = down;
  }

  /** While on, every call is refused as a server that answers but will not do it (OOM, WRONGTYPE). */
  private volatile boolean rejectSettles;

  void rejecting(boolean rejecting) {
    this.rejecting = rejecting;
  }

  int commits() {
    return commits.get();
  }

  /** Calls of clearOutbox and clearOutboxes that reached the store (one per batch). */
  int clearCalls() {
    return clearCalls.get();
  }

  int failedCalls() {
    return failedCalls.get();
  }

  private void check(String operation) {
    if (rejecting) {
      failedCalls.incrementAndGet();
      throw new StoreRejectedException(operation + " refused: test rejection", null);
    }
    if (down) {
      failedCalls.incrementAndGet();
      throw new StoreUnavailableException(operation + " failed: test outage", null);
    }
  }

  @Override
  public Optional<StoredSession> load(String key) {
    check("load");
    return super.load(key);
  }

  @Override
  public SessionRead loadOrGuess(String key) {
    check("load");
    return super.loadOrGuess(key);
  }

  @Override
  public Optional<StoredSession> loadLatest(String key) {
    check("load");
    return super.loadLatest(key);
  }

  @Override
  public CommitResult commit(Commit commit) {
    check("commit");
    Runnable write = beforeNextCommit.getAndSet(null);
    if (write != null) {
      write.run();
    }
    CommitResult result = super.commit(commit);
    if (result instanceof CommitResult.Committed) {
      commits.incrementAndGet();
      if (landedButFailed.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new StoreUnavailableException("commit: connection reset after the write (test)", null);
      }
    }
    return result;
  }

  @Override
  public void clearOutbox(String key, String outboxId) {
    check("clearOutbox");
    clearCalls.incrementAndGet();
    super.clearOutbox(key, outboxId);
  }

  // Counts as a clearOutbox: the faults a test sets on clearing apply to batches too.
  @Override
  public void clearOutboxes(Map<String, ? extends Collection<String>> idsByKey) {
    check("clearOutbox");
    clearCalls.incrementAndGet();
    super.clearOutboxes(idsByKey);
  }

  @Override
  public List<PendingOutbox> pendingOutboxes(int limit) {
    check("pendingOutboxes");
    return super.pendingOutboxes(limit);
  }

  @Override
  public PendingPage pendingOutboxes(Optional<String> cursor, int limit) {
    check("pendingOutboxes");
    return super.pendingOutboxes(cursor, limit);
  }

  @Override
  public void scheduleTimer(String key, Instant due) {
    check("scheduleTimer");
    super.scheduleTimer(key, due);
  }

  @Override
  public void cancelTimer(String key) {
    check("cancelTimer");
    super.cancelTimer(key);
  }

  /** While on, settling a fired timer (the conditional cancel and reschedule) is refused for good. */
  void rejectTimerSettles(boolean rejecting) {
    this.rejectSettles = rejecting;
  }

  private void checkSettle(String operation) {
    check(operation);
    if (rejectSettles) {
      failedCalls.incrementAndGet();
      throw new StoreRejectedException(operation + " refused: test rejection of timer settles", null);
    }
  }

  @Override
  public boolean rescheduleTimer(String key, Instant from, Instant to) {
    checkSettle("rescheduleTimer");
    return super.rescheduleTimer(key, from, to);
  }

  @Override
  public boolean cancelTimer(String key, Instant due) {
    checkSettle("cancelTimer");
    return super.cancelTimer(key, due);
  }

  @Override
  public List<String> claimDueTimers(Instant now, Duration lease, int limit) {
    check("claimDueTimers");
    return super.claimDueTimers(now, lease, limit);
  }
}
