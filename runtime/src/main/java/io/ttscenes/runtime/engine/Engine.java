package io.ttscenes.runtime.engine;

import io.ttscenes.api.Context;
import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.OutboxEntry;
import io.ttscenes.api.store.SessionRead;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoreRejectedException;
import io.ttscenes.api.store.StoreUnavailableException;
import io.ttscenes.api.store.StoredSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Handles one job of one session on its lane: load, dedupe, run the handlers, commit with the
 * outbox (re-running on a conflict, so nothing of a lost run is ever sent), then send the outbox.
 * An update whose session the store cannot answer from memory may run first on the store's guess
 * that it is new ({@link SessionStore#loadOrGuess}); a wrong guess is refused with the session,
 * and the turn runs again on it, exactly as after a conflict. A handler that fails on a guess is
 * not reported: the session is read and only the failure of that run is the bot's.
 * While the store is unavailable the job is retried with backoff and its future stays pending,
 * which also holds back the session's later updates, keeping their order. The bot's code runs
 * under the {@link HandlerDeadline}: a run that overstays it is replaced on its lane by a run of
 * the same job that goes to the exception handler (a second overrun: the apology alone).
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
  private final Lanes lanes;
  private final LegacyMembers legacyMembers;
  private final HandlerDeadline deadline;

  /**
   * {@code attempts} plans each job's commit; {@code outboxes} sends it, {@code sent} learns what it
   * cleared; the bot's code runs under {@code deadline}, and {@code lanes} (whose jobs these are)
   * tell whether they are closing or stopped and take an overrun
   * job's lane to its rescue run.
   */
  Engine(EngineSettings settings, Attempts attempts, Outboxes outboxes, SentOutboxes sent, Lanes lanes,
      HandlerDeadline deadline) {
    this.settings = settings;
    this.store = settings.store();
    this.attempts = attempts;
    this.outboxes = outboxes;
    this.sent = sent;
    this.lanes = lanes;
    this.deadline = deadline;
    this.legacyMembers = new LegacyMembers(settings);
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

  /** Handles the next signal of the session's inbox, if one waits (see {@link Job.ForInbox}, {@link Signals#next}). */
  void handleInbox(String key, CompletableFuture<Void> done) {
    run(key, new Job.ForInbox(), done);
  }

  private void run(String key, Job job, CompletableFuture<Void> done) {
    run(new Lane(key, done, false), job, 0);
  }

  /**
   * The session a run works for and the future of the lane task it belongs to; {@code
   * guessOverran}: the run before this one overran on a session guessed new, so when the session
   * exists its own handler has not run yet.
   */
  private record Lane(String key, CompletableFuture<Void> done, boolean guessOverran) {}

  /** Runs {@code job}; {@code overruns}: how many runs of it the deadline abandoned before. */
  private void run(Lane lane, Job job, int overruns) {
    String key = lane.key();
    CompletableFuture<Void> done = lane.done();
    MDC.put("session", key);
    MDC.put("update_type", job.type());
    try {
      Ran ran = reported(lane, job, overruns);
      if (job instanceof Job.ForTimer) {
        fireDueNow(lane, ran.wake());
      }
      done.complete(null);
    } catch (HandlerDeadline.AbandonedRun e) {
      // The replacement run owns the lane and the future now; this thread only leaves.
      LOG.warn("session {}: the run of {} that overran the handler deadline of {} ms came back; its "
          + "result is dropped", key, job.type(), deadline.limit().toMillis());
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
  private Ran reported(Lane lane, Job job, int overruns) throws InterruptedException {
    long start = System.nanoTime();
    try {
      Ran ran = process(lane, job, overruns, start);
      settings.listener().updateHandled(job.type(), ran.outcome(), Duration.ofNanos(System.nanoTime() - start));
      return ran;
    } catch (HandlerDeadline.AbandonedRun e) {
      throw e;
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
  private void fireDueNow(Lane lane, Optional<Instant> wake) throws InterruptedException {
    String key = lane.key();
    Optional<Instant> next = wake;
    for (int n = 0; n < MAX_CHAINED_FIRINGS && !lanes.isClosing()
        && next.filter(w -> !w.isAfter(settings.clock().instant())).isPresent(); n++) {
      try {
        next = reported(lane, new Job.ForTimer(next), 0).wake();
      } catch (HandlerDeadline.AbandonedRun e) {
        throw e;
      } catch (RuntimeException e) {
        LOG.warn("session {}: a scheduled job due at once was not committed ({}); its timer fires it",
            key, e.getMessage());
        return;
      }
    }
  }

  private Ran process(Lane lane, Job job, int overruns, long start) throws InterruptedException {
    String key = lane.key();
    int conflicts = 0;
    int storeFailures = 0;
    // A commit whose outcome is unknown because the store failed while it ran.
    Attempts.Planned uncertain = null;
    // The session a refused commit carried: the next attempt runs on it without reading again.
    Optional<StoredSession> carried = Optional.empty();
    // Only an update's first attempt may run on a guess: after a failure the store must be read
    // (an uncertain commit is found only there), and a key that may adopt a legacy member
    // session must look for it first.
    boolean mayGuess = overruns == 0 && job instanceof Job.ForUpdate && !legacyMembers.mayAdopt(key);
    while (true) {
      try {
        SessionRead read = carried.isPresent() ? SessionRead.loaded(carried) : read(key, job, mayGuess);
        carried = Optional.empty();
        mayGuess = false;
        Optional<StoredSession> stored = read.session().isEmpty() && !read.guessed() ? adopted(key) : read.session();
        String uncertainId = uncertain == null ? null : uncertain.commit().updateId();
        if (uncertainId != null && stored.filter(s -> s.hasSeen(uncertainId)).isPresent()) {
          if (landedAsOurs(key, uncertain)) {
            LOG.info("session {}: the commit interrupted by the store failure did land; sending its outbox", key);
            return finish(key, job, uncertain, start);
          }
          // Another instance (a webhook retry, a take-over) committed this event meanwhile and
          // sends what it recorded: sending ours too would answer twice.
          LOG.info("session {}: {} was committed by another instance while the store failed; not sent again",
              key, uncertainId);
          outboxes.flush(key);
          return new Ran(UpdateOutcome.DUPLICATE, Optional.empty());
        }
        uncertain = null;
        boolean guessed = read.guessed();
        // After a run on a wrong guess overran, the real session's handler runs as a first run would.
        int rescue = lane.guessOverran() && stored.isPresent() ? overruns - 1 : overruns;
        Attempts.Attempt attempt = deadline.run(() -> attempts.plan(key, job, stored, rescue, guessed),
            () -> overran(lane, job, rescue, guessed));
        if (attempt instanceof Attempts.Reread) {
          // The handler failed on a session only guessed new: the failure may be the guess's, so
          // the session is read (no guess now) and only a failure of that run is reported.
          continue;
        }
        if (attempt instanceof Attempts.Done done) {
          // Nothing to commit, but earlier entries of the session may still wait to be sent or cleared.
          outboxes.flush(key);
          return new Ran(done.outcome(), Optional.empty());
        }
        Attempts.Planned planned = (Attempts.Planned) attempt;
        if (lanes.isStopped()) {
          // The dispatcher closed while this ran (a drain that ran out of time): nothing of this
          // instance may write or send now; the update is redelivered, and another instance runs it.
          throw new IllegalStateException("the dispatcher was closed before session " + key + " committed its "
              + job.type() + "; nothing of it was written or sent, and it is left unacknowledged for redelivery");
        }
        uncertain = planned;
        CommitResult result = store.commit(planned.commit());
        uncertain = null;
        if (read.guessed() && missedGuess(result)) {
          // The session existed: nothing was written or sent, and the turn runs again on the
          // session the refusal carried (or on a read, when it carried none). Not a conflict.
          carried = ((CommitResult.Conflict) result).current();
          continue;
        }
        if (result instanceof CommitResult.Conflict conflict) {
          settings.listener().commitConflict(job.type());
          if (++conflicts >= settings.maxCommitAttempts()) {
            throw new SessionConflictException("session " + key + ": commit conflicted " + conflicts
                + " times in a row (store version " + conflict.currentVersion() + "); " + job.type()
                + " given up, nothing of it was sent");
          }
          LOG.debug("session {}: commit conflict (store at version {}); re-running", key, conflict.currentVersion());
          carried = conflict.current();
          continue;
        }
        if (result instanceof CommitResult.Committed committed && committed.windowCapped()) {
          // A session this busy remembers fewer than the window's ids: counted so operators see it.
          settings.listener().dedupeWindowCapped();
        }
        return finish(key, job, planned, start);
      } catch (StoreUnavailableException e) {
        storeFailures++;
        waitForStore(key, e, storeFailures);
      }
    }
  }

  /**
   * Reads the session of {@code key} for {@code job}: a timer or signal job commits nothing when
   * it finds nothing to do, so no version check would catch a stale cached read, and it reads the
   * latest session; an update may take the store's guess that its session is new.
   */
  private SessionRead read(String key, Job job, boolean mayGuess) {
    if (!(job instanceof Job.ForUpdate)) {
      return SessionRead.loaded(store.loadLatest(key));
    }
    return mayGuess ? store.loadOrGuess(key) : SessionRead.loaded(store.load(key));
  }

  /**
   * Reports the outcome of a commit made on the guess that the session was new and tells whether
   * the guess was wrong: refused because a session exists. A refusal for the chat data's version
   * (no session, as guessed) is a plain conflict.
   */
  private boolean missedGuess(CommitResult result) {
    boolean missed = result instanceof CommitResult.Conflict conflict && conflict.currentVersion() > 0;
    settings.listener().speculation(!missed);
    return missed;
  }

  /**
   * The session of chat-scoped {@code key} once its old user-in-chat session moved there, if it
   * had one, seeing the updates the old session committed too: a repeat of one (an update the old
   * instance committed but did not ack) is not answered twice.
   */
  private Optional<StoredSession> adopted(String key) {
    return legacyMembers.adopt(key).flatMap(old -> store.loadLatest(key).map(copy -> {
      List<String> seen = new ArrayList<>(old.recentUpdateIds());
      seen.addAll(copy.recentUpdateIds());
      return new StoredSession(copy.version(), copy.data(), seen);
    }));
  }

  /**
   * Whether a commit whose outcome a store failure hid, and whose event the session has now seen,
   * is this run's own: its outbox entry is there with this run's payload (which names this
   * instance as owner and the time it was planned), not one another instance committed for the
   * same event under the same id. A commit without an outbox sends nothing either way.
   */
  private boolean landedAsOurs(String key, Attempts.Planned planned) {
    Optional<OutboxEntry> ours = planned.commit().outbox();
    return ours.isEmpty() || store.outboxEntry(key, ours.get().id()).filter(ours.get()::equals).isPresent();
  }

  /**
   * On the watchdog thread, once a run of {@code job} overran: the lane goes on with a run of the
   * same job that skips the overrun code, completing the same future. A run on a session guessed
   * new ({@code guessed}) ran code the real session may not reach: its replacement reads the
   * session and, when it exists, runs its handler first.
   */
  private void overran(Lane lane, Job job, int overruns, boolean guessed) {
    LOG.error("session {}: the handler for {} overran the handler deadline of {} ms; its thread is "
        + "interrupted and the {} runs instead", lane.key(), job.type(), deadline.limit().toMillis(),
        guessed ? "update on the stored session (the run was on a session guessed new), or the exception handler,"
            : overruns == 0 ? "exception handler" : "apology");
    settings.listener().handlerOverran(job.type());
    lanes.handOver(lane.key(), () -> run(new Lane(lane.key(), lane.done(), guessed), job, overruns + 1));
  }

  private void waitForStore(String key, StoreUnavailableException e, int failures)
      throws InterruptedException {
    if (lanes.isClosing()) {
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
      } catch (StoreRejectedException e) {
        // The commit won, so its outbox must still go out and the firing is done: a refusal
        // (waiting will not fix it) is logged loudly, and the timer, left at the claim's lease
        // end, comes due again; that firing finds nothing due and tries to settle once more.
        LOG.error("session {}: the store refused to settle the fired timer ({}); it comes due again when its"
            + " claim ends", key, e.getMessage());
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
