package io.ttscenes.runtime;

import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.ingress.PollerLease;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs outbox recovery for a {@link BotRuntime}: the full pass (crash-left store entries too) only
 * when recovery is enabled and this instance is the one that recovers (the poller lease holder
 * with long polling, the {@link RecoveryLease} holder with webhooks); otherwise only the entries
 * this process parked, which recovery leaves to it while its instance lease is held. Never
 * throws; failures are logged and the next run tries again.
 */
final class OutboxRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(BotRuntime.class);

  private final Dispatcher dispatcher;
  private final boolean enabled;
  private final BooleanSupplier recovers;
  private final Optional<RecoveryLease> election;
  // The thread starting the ingress while it does (see whileStarting); null otherwise.
  private volatile Thread startingThread;

  /** Recovery whose holder is decided elsewhere (the poller lease, or nobody else exists). */
  OutboxRecovery(Dispatcher dispatcher, boolean enabled, BooleanSupplier recovers) {
    this.dispatcher = dispatcher;
    this.enabled = enabled;
    this.recovers = recovers;
    this.election = Optional.empty();
  }

  /**
   * Recovery by the holder of the poller {@code lease} (long polling): it subscribes, and taking
   * the lease recovers at once what a crashed poller committed and never sent.
   */
  static OutboxRecovery following(Dispatcher dispatcher, boolean enabled, PollerLease lease) {
    OutboxRecovery recovery = new OutboxRecovery(dispatcher, enabled, lease::isHeld);
    lease.subscribe(change -> {
      if (change == PollerLease.Change.GAINED && Thread.currentThread() == recovery.startingThread) {
        // The gain of the ingress's start, told on the starting thread: the pass lists (and
        // queues on their lanes) what a crash left before the first poll, so a new update of a
        // session cannot be answered ahead of that session's older calls. A loss meanwhile is
        // told on the lease's own thread, which is free, and stops the pass.
        recovery.run("lease-holder");
      } else if (change == PollerLease.Change.GAINED) {
        // A later gain (a standby taking over), told on the lease's notifying thread: on a thread
        // of its own, or the walk of the store would hold back the news of a loss meanwhile,
        // which must stop this very pass.
        recovery.runApart("lease-holder");
      } else {
        // Another instance recovers now: a pass under way sends no more.
        dispatcher.stopOutboxRecovery();
      }
    });
    return recovery;
  }

  /** Recovery by whichever instance holds {@code election} (webhooks on several instances). */
  OutboxRecovery(Dispatcher dispatcher, RecoveryLease election) {
    this.dispatcher = dispatcher;
    this.enabled = true;
    this.recovers = election::holds;
    this.election = Optional.of(election);
  }

  /**
   * Starts the election, whose winner recovers at once, or runs the start-up pass when there is
   * none. Not for long polling, where taking the poller lease starts recovery.
   */
  void start() {
    election.ifPresentOrElse(lease -> lease.start(() -> run("recovery-lease-holder"), dispatcher::stopOutboxRecovery),
        () -> run("start-up"));
  }

  /**
   * Runs {@code start} (starting a long-polling ingress) on the calling thread, during which a
   * gain of the poller lease told on this thread recovers right there, before the start returns
   * and the first poll is made.
   */
  void whileStarting(Runnable start) {
    startingThread = Thread.currentThread();
    try {
      start.run();
    } finally {
      startingThread = null;
    }
  }

  /** Leaves the election (releasing the lease if held) so another instance recovers. */
  void stop() {
    election.ifPresent(RecoveryLease::stop);
  }

  /** {@link #run} on a daemon thread of its own, so the caller's thread goes on at once. */
  void runApart(String why) {
    Thread thread = new Thread(() -> run(why), "ttscenes-outbox-recovery-" + why);
    thread.setDaemon(true);
    thread.start();
  }

  void run(String why) {
    try {
      boolean full = enabled && recovers.getAsBoolean();
      CompletableFuture<Integer> sent = full ? dispatcher.recoverOutboxes() : dispatcher.retryParkedOutboxes();
      sent.whenComplete((count, error) -> {
        if (error != null) {
          LOG.warn("{} outbox recovery failed ({}); the next run tries again", why, error.getMessage());
        } else if (count > 0) {
          LOG.info("{} outbox recovery sent {} pending call(s)", why, count);
        }
      });
    } catch (IllegalStateException e) {
      LOG.debug("{} outbox recovery skipped: {}", why, e.getMessage());
    }
  }
}
