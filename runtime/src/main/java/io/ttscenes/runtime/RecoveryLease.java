package io.ttscenes.runtime;

import io.ttscenes.api.store.SessionStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elects the one webhook instance that recovers crash-left outboxes, with the store lease
 * {@value #NAME}: a keeper thread takes it every ttl/3 while standing by and renews it as often
 * while holding it. The instance that takes it recovers at once (a holder that closed or crashed
 * may have left entries); a refused renewal, or a store failure that may outlast the lease, steps
 * down. Thread-safe.
 */
final class RecoveryLease {
  static final String NAME = "recovery";
  private static final Logger LOG = LoggerFactory.getLogger(BotRuntime.class);

  private final SessionStore store;
  private final String owner;
  private final Duration ttl;
  private final String threadName;
  private volatile boolean held;
  private volatile long confirmedAt;
  private volatile ScheduledExecutorService keeper;
  private volatile Runnable onLost = () -> { };

  RecoveryLease(SessionStore store, String owner, Duration ttl, String threadName) {
    this.store = store;
    this.owner = owner;
    this.ttl = ttl;
    this.threadName = threadName;
  }

  /**
   * Tries the lease now (running {@code onTaken} inline if taken) and keeps trying every ttl/3;
   * {@code onLost} runs on the keeper's thread when this instance steps down.
   */
  synchronized void start(Runnable onTaken, Runnable onLost) {
    this.onLost = onLost;
    keep(onTaken);
    long period = Math.max(1, ttl.toMillis() / 3);
    keeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    // Recovery may block on a full lane: it runs on a thread of its own so renewals never wait.
    keeper.scheduleWithFixedDelay(() -> keep(() -> background(onTaken)), period, period, TimeUnit.MILLISECONDS);
  }

  /** Whether this instance holds the lease, as of the last try. */
  boolean holds() {
    return held;
  }

  /** Stops trying and releases the lease if held, so a standby instance takes it at once. */
  synchronized void stop() {
    ScheduledExecutorService running = keeper;
    if (running != null) {
      running.shutdownNow();
      try {
        running.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!held) {
      return;
    }
    held = false;
    try {
      store.releaseLease(NAME, owner);
      LOG.info("instance {} released the recovery lease", owner);
    } catch (RuntimeException e) {
      LOG.warn("instance {} could not release the recovery lease ({}); another instance takes it "
          + "when it expires", owner, e.getMessage());
    }
  }

  private void keep(Runnable onTaken) {
    try {
      if (held) {
        renew();
      } else if (store.tryAcquireLease(NAME, owner, ttl)) {
        confirmedAt = System.nanoTime();
        held = true;
        LOG.info("instance {} holds the recovery lease (ttl {} ms) and recovers outboxes left by "
            + "other instances", owner, ttl.toMillis());
        onTaken.run();
      }
    } catch (RuntimeException e) {
      // The next try comes a third of the TTL later: step down if the lease may be gone by then.
      if (held && System.nanoTime() - confirmedAt + ttl.toNanos() / 3 >= ttl.toNanos()) {
        stepDown("the store was unreachable: " + e.getMessage());
      } else {
        LOG.warn("instance {} could not try the recovery lease ({}); it tries again", owner, e.getMessage());
      }
    }
  }

  private void renew() {
    if (store.renewLease(NAME, owner, ttl)) {
      confirmedAt = System.nanoTime();
    } else {
      stepDown("another instance took it or it expired");
    }
  }

  private void stepDown(String why) {
    held = false;
    LOG.warn("instance {} lost the recovery lease ({}); it recovers only the entries it parked",
        owner, why);
    onLost.run();
  }

  private void background(Runnable onTaken) {
    Thread thread = new Thread(() -> {
      try {
        onTaken.run();
      } catch (RuntimeException e) {
        LOG.warn("outbox recovery on taking the recovery lease failed: {}", e.getMessage(), e);
      }
    }, threadName + "-taken");
    thread.setDaemon(true);
    thread.start();
  }
}
