package io.ttscenes.runtime.engine;

import io.ttscenes.api.Context;
import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoreUnavailableException;
import io.ttscenes.api.store.StoredSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Handles one job of one session on its lane: load, dedupe, run the handlers, commit with the
 * outbox (re-running on a conflict, so nothing of a lost run is ever sent), then send the outbox.
 * While the store is unavailable the job is retried with backoff and its future stays pending,
 * which also holds back the session's later updates, keeping their order.
 */
final class Engine {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  /** How many further jobs one timer firing may run at most (see {@link #fireDueNow}). */
  private static final int MAX_CHAINED_FIRINGS = Context.MAX_SCHEDULED_JOBS + 1;

  /** How one job ended; for a commit, also the session's wake as committed. */
  private record Ran(UpdateOutcome outcome, Optional<Instant> wake) {}

  private final EngineSettings settings;
  private final SessionStore store;
  private final Attempts attempts;
  private final Outboxes outboxes;
  private final SentOutboxes sent;
  private final BooleanSupplier closing;

  /** {@code attempts} plans each job's commit; {@code outboxes} sends it, {@code sent} learns what it cleared. */
  Engine(EngineSettings settings, Attempts attempts, Outboxes outboxes, SentOutboxes sent, BooleanSupplier closing) {
    this.settings = settings;
    this.store = settings.store();
    this.attempts = attempts;
    this.outboxes = outboxes;
    this.sent = sent;
    this.closing = closing;
  }

  void handle(Routed routed, CompletableFuture<Void> done) {
    run(routed.key(), new Job.ForUpdate(routed), done);
  }

  void handleTimer(String key, CompletableFuture<Void> done) {
    handleTimer(key, Optional.empty(), done);
  }

  void handleTimer(String key, Optional<Instant> claimedUntil, CompletableFuture<Void> done) {
    run(key, new Job.ForTimer(claimedUntil), done);
  }

  /** Handles the oldest signal of the session's inbox, if one waits (see {@link Job.ForInbox}). */
  void handleInbox(String key, CompletableFuture<Void> done) {
    run(key, new Job.ForInbox(), done);
  }

  private void run(String key, Job job, CompletableFuture<Void> done) {
    MDC.put("session", key);
    MDC.put("update_type", job.type());
    try {
      Ran ran = reported(key, job);
      if (job instanceof Job.ForTimer) {
        fireDueNow(key, ran.wake());
      }
      done.complete(null);
    } catch (Throwable e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.error("session {}: {} was not committed and is not acknowledged: {}", key, job.type(),
          e.getMessage(), e);
      done.completeExceptionally(e);
    } finally {
      MDC.remove("session");
      MDC.remove("update_type");
    }
  }

  /** Processes {@code job} and reports its outcome (FAILED when it throws) to the listener. */
  private Ran reported(String key, Job job) throws InterruptedException {
    long start = System.nanoTime();
    try {
      Ran ran = process(key, job, start);
      settings.listener().updateHandled(job.type(), ran.outcome(), Duration.ofNanos(System.nanoTime() - start));
      return ran;
    } catch (Throwable e) {
      settings.listener().updateHandled(job.type(), UpdateOutcome.FAILED, Duration.ofNanos(System.nanoTime() - start));
      throw e;
    }
  }

  /**
   * After a job fired, fires the session's next jobs while the committed wake is already due, so
   * jobs due together run one after another rather than one per timer poll. Each firing holds the
   * timer as its predecessor's commit left it ({@code wake}), so it settles the timer only while
   * nobody changed or claimed it since. Bounded; a failure or the rest is left to the poller.
   */
  private void fireDueNow(String key, Optional<Instant> wake) throws InterruptedException {
    Optional<Instant> next = wake;
    for (int n = 0; n < MAX_CHAINED_FIRINGS && !closing.getAsBoolean()
        && next.filter(w -> !w.isAfter(settings.clock().instant())).isPresent(); n++) {
      try {
        next = reported(key, new Job.ForTimer(next)).wake();
      } catch (RuntimeException e) {
        LOG.warn("session {}: a scheduled job due at once was not committed ({}); its timer fires it",
            key, e.getMessage());
        return;
      }
    }
  }

  private Ran process(String key, Job job, long start) throws InterruptedException {
    int conflicts = 0;
    int storeFailures = 0;
    // A commit whose outcome is unknown because the store failed while it ran.
    Attempts.Planned uncertain = null;
    while (true) {
      try {
        // A timer or signal job commits nothing when it finds nothing to do, so no version check
        // would catch a stale cached read: it reads the latest session.
        Optional<StoredSession> stored = job instanceof Job.ForUpdate ? store.load(key) : store.loadLatest(key);
        String uncertainId = uncertain == null ? null : uncertain.commit().updateId();
        if (uncertainId != null && stored.filter(s -> s.hasSeen(uncertainId)).isPresent()) {
          LOG.info("session {}: the commit interrupted by the store failure did land; sending its outbox", key);
          return finish(key, job, uncertain, start);
        }
        uncertain = null;
        Attempts.Attempt attempt = attempts.plan(key, job, stored);
        if (attempt instanceof Attempts.Done done) {
          // Nothing to commit, but earlier entries of the session may still wait to be sent or cleared.
          outboxes.flush(key);
          return new Ran(done.outcome(), Optional.empty());
        }
        Attempts.Planned planned = (Attempts.Planned) attempt;
        uncertain = planned;
        CommitResult result = store.commit(planned.commit());
        uncertain = null;
        if (result instanceof CommitResult.Conflict conflict) {
          settings.listener().commitConflict(job.type());
          if (++conflicts >= settings.maxCommitAttempts()) {
            throw new SessionConflictException("session " + key + ": commit conflicted " + conflicts
                + " times in a row (store version " + conflict.currentVersion() + "); " + job.type()
                + " given up, nothing of it was sent");
          }
          LOG.debug("session {}: commit conflict (store at version {}); re-running", key, conflict.currentVersion());
          continue;
        }
        return finish(key, job, planned, start);
      } catch (StoreUnavailableException e) {
        storeFailures++;
        waitForStore(key, e, storeFailures);
      }
    }
  }

  private void waitForStore(String key, StoreUnavailableException e, int failures)
      throws InterruptedException {
    if (closing.getAsBoolean()) {
      throw new IllegalStateException("the store is unavailable and the dispatcher is closing; session "
          + key + " left unacknowledged for redelivery", e);
    }
    Duration delay = settings.backoff(failures);
    LOG.warn("session {}: store unavailable ({}); try {} follows in {} ms", key, e.getMessage(),
        failures + 1, delay.toMillis());
    settings.listener().storeRetry("load/commit", failures, delay);
    settings.sleeper().sleep(delay);
  }

  private Ran finish(String key, Job job, Attempts.Planned planned, long start) {
    Commit commit = planned.commit();
    // The one place a turn is reported: its commit won, so no losing run is counted.
    settings.listener().turnCommitted(new TurnReport(job.type(), planned.ranAt().scene(),
        planned.ranAt().step(), Duration.ofNanos(System.nanoTime() - start), planned.events()));
    sent.cleared(key, commit.clearedOutboxIds());
    if (job instanceof Job.ForTimer timer) {
      try {
        // Signals still waiting keep the timer due now, so the next claim handles the next one.
        attempts.settle(key, timer, planned.moreSignals()
            ? Optional.of(settings.clock().instant()) : commit.wake());
      } catch (StoreUnavailableException e) {
        // The timer keeps the claim's lease end: it comes due again then, and that firing settles it.
        LOG.warn("session {}: could not settle the fired timer ({}); it comes due again when its claim ends",
            key, e.getMessage());
      }
    }
    if (commit.outbox().isPresent()) {
      outboxes.deliver(key, commit.outbox().get().id(), planned.owner(), planned.effects());
    } else {
      outboxes.flush(key);
    }
    return new Ran(planned.outcome(), commit.wake());
  }
}
