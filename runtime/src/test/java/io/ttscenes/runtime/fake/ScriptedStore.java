package io.ttscenes.runtime.fake;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.PendingOutbox;
import io.ttscenes.api.store.PendingPage;
import io.ttscenes.api.store.StoreUnavailableException;
import io.ttscenes.api.store.ForwardingSessionStore;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An in-memory store that can be told to fail or block some calls, and that logs the calls the
 * runtime's lifecycle is made of ("pendingOutboxes", "claimDueTimers", "loadMarker",
 * "saveMarker:m", "commit:key", "close") into an event log. Thread-safe.
 */
public final class ScriptedStore extends ForwardingSessionStore {
  private final List<String> events = new ArrayList<>();
  private volatile Predicate<Commit> failing = commit -> false;
  private final AtomicInteger commitFailures = new AtomicInteger();
  private final AtomicInteger markerLoadFailures = new AtomicInteger();
  private volatile boolean down;
  private volatile CountDownLatch commitGate = new CountDownLatch(0);
  private volatile CountDownLatch commitEntered = new CountDownLatch(1);

  public ScriptedStore() {
    super(InMemorySessionStore.create());
  }

  /** The next {@code times} commits matching {@code which} throw (not a store outage: a plain failure). */
  public void failCommits(Predicate<Commit> which, int times) {
    commitFailures.set(times);
    failing = which;
  }

  /** While down, every commit throws {@link StoreUnavailableException}, like Redis going away. */
  public void down(boolean isDown) {
    this.down = isDown;
  }

  /** The next {@code times} marker loads throw {@link StoreUnavailableException}. */
  public void failMarkerLoads(int times) {
    markerLoadFailures.set(times);
  }

  /** Commits block until {@link #releaseCommits()}. */
  public void holdCommits() {
    commitGate = new CountDownLatch(1);
    commitEntered = new CountDownLatch(1);
  }

  public void releaseCommits() {
    commitGate.countDown();
  }

  /** Waits (20 s safety net) until a commit is blocked by {@link #holdCommits()}. */
  public void awaitHeldCommit() throws InterruptedException {
    if (!commitEntered.await(20, java.util.concurrent.TimeUnit.SECONDS)) {
      throw new AssertionError("no commit arrived");
    }
  }

  public synchronized List<String> events() {
    return List.copyOf(events);
  }

  private synchronized void log(String event) {
    events.add(event);
  }

  @Override
  public CommitResult commit(Commit commit) {
    commitEntered.countDown();
    try {
      commitGate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (down) {
      log("commit-unavailable:" + commit.key());
      throw new StoreUnavailableException("scripted outage: store down", null);
    }
    if (failing.test(commit) && commitFailures.getAndDecrement() > 0) {
      log("commit-failed:" + commit.key());
      throw new IllegalStateException("scripted commit failure for " + commit.key());
    }
    CommitResult result = super.commit(commit);
    log("commit:" + commit.key());
    return result;
  }

  @Override
  public List<PendingOutbox> pendingOutboxes(int limit) {
    log("pendingOutboxes");
    return super.pendingOutboxes(limit);
  }

  @Override
  public PendingPage pendingOutboxes(Optional<String> cursor, int limit) {
    log("pendingOutboxes");
    return super.pendingOutboxes(cursor, limit);
  }

  @Override
  public List<String> claimDueTimers(Instant now, Duration lease, int limit) {
    log("claimDueTimers");
    return super.claimDueTimers(now, lease, limit);
  }

  @Override
  public OptionalLong loadMarker() {
    if (markerLoadFailures.getAndDecrement() > 0) {
      log("loadMarker-failed");
      throw new StoreUnavailableException("scripted outage while loading the marker", null);
    }
    log("loadMarker");
    return super.loadMarker();
  }

  @Override
  public void saveMarker(long marker) {
    log("saveMarker:" + marker);
    super.saveMarker(marker);
  }

  @Override
  public void close() {
    log("close");
  }

  /** Closes the in-memory store underneath (the runtime's {@code close} only logs). */
  public void dispose() {
    delegate().close();
  }
}
