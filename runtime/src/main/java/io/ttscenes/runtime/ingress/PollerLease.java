package io.ttscenes.runtime.ingress;

import io.ttscenes.api.store.SessionStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elects one poller among the instances of a bot with the store lease {@value #NAME}: a keeper
 * thread tries to take it every ttl/3 while standing by and renews it every ttl/3 while holding
 * it. A renewal that is refused (another owner, or it expired) closes the gate at once; a store
 * failure closes it once the lease may have run out before the next try, so two instances never
 * poll on purpose at the same time. Thread-safe.
 *
 * <p>Built before the parts that depend on it: the {@link LongPollIngress} it is given to starts
 * and stops it and polls while it is held; others {@link #subscribe} to be told when it is gained
 * or lost (outbox recovery runs on gaining it) and ask {@link #isHeld()}. It calls nobody but its
 * subscribers, so the wiring stays one-way.
 */
public final class PollerLease {
  static final String NAME = "poller";
  private static final Logger LOG = LoggerFactory.getLogger(LongPollIngress.class);

  /** What a subscriber is told: this instance took the lease, or it no longer holds it. */
  public enum Change { GAINED, LOST }

  private final SessionStore store;
  private final String owner;
  private final Duration ttl;
  private final Duration period;
  private final List<Consumer<Change>> subscribers = new CopyOnWriteArrayList<>();
  private final String threadName;
  private final Object lock = new Object();
  private boolean held;
  private boolean standbyLogged;
  private long confirmedAt;
  private volatile ScheduledExecutorService keeper;
  // Tells the subscribers of later changes, one at a time and in order, off the keeper thread.
  private volatile ExecutorService notifier;
  private final AtomicBoolean started = new AtomicBoolean();
  private final Optional<String> predecessor;

  private PollerLease(SessionStore store, String owner, Duration ttl, String threadName,
      Optional<String> predecessor) {
    this.predecessor = predecessor;
    this.store = store;
    this.owner = owner;
    this.ttl = ttl;
    this.period = ttl.dividedBy(3);
    this.threadName = threadName;
  }

  /**
   * The poller lease of {@code owner} (unique per instance) in {@code store}, taken for {@code ttl}
   * and renewed every ttl/3 on a daemon thread named {@code threadName} (its subscribers are told
   * on {@code threadName-changes}). {@code deadOwner}, when
   * present, is an earlier process of this instance known to be gone: a lease it still holds is
   * freed on start, so this one polls at once instead of after the TTL. Never name an owner that
   * may still poll.
   *
   * @throws IllegalArgumentException if {@code owner} is blank or {@code ttl} is under 3 ms
   */
  public static PollerLease create(SessionStore store, String owner, Duration ttl, Optional<String> deadOwner,
      String threadName) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(deadOwner, "deadOwner");
    Objects.requireNonNull(threadName, "threadName");
    if (owner.isBlank()) {
      throw new IllegalArgumentException("lease owner is blank; it must have a visible character");
    }
    if (ttl.toMillis() < 3) {
      throw new IllegalArgumentException("lease ttl is " + ttl + "; it must be at least 3 ms");
    }
    return new PollerLease(store, owner, ttl, threadName, deadOwner);
  }

  /**
   * Tells {@code subscriber} of each change from now on, in the order they happened: the gain on
   * start on the thread that took the lease (the caller of {@link LongPollIngress#start()}), later
   * ones on a thread of the lease's own (so a subscriber may block without holding up renewals,
   * only later changes). Subscribe before the ingress starts so the first gain is not missed.
   */
  public void subscribe(Consumer<Change> subscriber) {
    subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
  }

  /** Whether this instance holds the lease, as of its last renewal. Thread-safe. */
  public boolean isHeld() {
    return isOpen();
  }

  /** The gate long polling waits on: open while this instance holds the lease. */
  PollGate gate() {
    return new PollGate() {
      @Override
      public boolean isOpen() {
        return PollerLease.this.isOpen();
      }

      @Override
      public boolean awaitOpen(Lifecycle lifecycle) {
        return PollerLease.this.awaitOpen(lifecycle);
      }

      @Override
      public void start() {
        PollerLease.this.start();
      }

      @Override
      public void stop() {
        PollerLease.this.stop();
      }
    };
  }

  /**
   * Tries to take the lease on the calling thread, then keeps it on a daemon thread. Throws
   * {@link IllegalStateException} when called twice: one lease serves one ingress.
   */
  void start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("the poller lease of instance " + owner + " was already started; "
          + "give each LongPollIngress a PollerLease of its own");
    }
    notifier = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, threadName + "-changes");
      thread.setDaemon(true);
      return thread;
    });
    predecessor.ifPresent(this::freeDead);
    keep(true);
    keeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    keeper.scheduleWithFixedDelay(() -> keep(false), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Frees the lease if {@code dead}, a gone earlier process of this instance, still holds it. */
  private void freeDead(String dead) {
    try {
      store.releaseLease(NAME, dead);
    } catch (RuntimeException e) {
      LOG.warn("could not free the poller lease of gone instance {} ({}); it expires", dead, e.getMessage());
    }
  }

  /** For logs: the lease and its timing. */
  String describe() {
    return "poller lease of " + ttl.toMillis() + " ms renewed every " + period.toMillis() + " ms";
  }

  boolean isOpen() {
    synchronized (lock) {
      return held;
    }
  }

  boolean awaitOpen(Lifecycle lifecycle) {
    synchronized (lock) {
      try {
        while (!held && !lifecycle.isStopping()) {
          lock.wait();
        }
      } catch (InterruptedException e) {
        return false;
      }
      return held && !lifecycle.isStopping();
    }
  }

  /**
   * Stops renewing and releases the lease if held, so a standby instance takes over at once; the
   * subscribers are told of the loss after any change before it, on the lease's thread, which
   * then ends.
   */
  void stop() {
    if (keeper != null) {
      keeper.shutdownNow();
      try {
        keeper.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    boolean wasHeld;
    synchronized (lock) {
      wasHeld = held;
      held = false;
      lock.notifyAll();
    }
    if (wasHeld) {
      release();
      tell(Change.LOST);
    }
    if (notifier != null) {
      notifier.shutdown();
    }
  }

  /**
   * One round: renew while holding, try to take it while standing by. Never throws. The
   * subscribers are told of a gain {@code inline} on start; on the keeper thread they are told on
   * the lease's notifying thread, since they may block (a full lane) and renewals must not wait.
   */
  private void keep(boolean inline) {
    try {
      if (isOpen()) {
        renew();
      } else {
        tryAcquire(inline);
      }
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  private void tryAcquire(boolean inline) {
    if (!store.tryAcquireLease(NAME, owner, ttl)) {
      if (!standbyLogged) {
        LOG.info("instance {} stands by: another instance holds the poller lease; it tries again "
            + "every {} ms", owner, period.toMillis());
        standbyLogged = true;
      }
      return;
    }
    synchronized (lock) {
      held = true;
      confirmedAt = System.nanoTime();
      lock.notifyAll();
    }
    standbyLogged = false;
    LOG.info("instance {} holds the poller lease (ttl {} ms) and polls", owner, ttl.toMillis());
    if (inline) {
      publish(Change.GAINED);
    } else {
      tell(Change.GAINED);
    }
  }

  /** Tells the subscribers of {@code change} on the notifying thread, after the changes before it. */
  private void tell(Change change) {
    try {
      notifier.execute(() -> publish(change));
    } catch (RejectedExecutionException e) {
      LOG.debug("the poller lease stopped; {} is not told", change);
    }
  }

  private void publish(Change change) {
    for (Consumer<Change> subscriber : subscribers) {
      try {
        subscriber.accept(change);
      } catch (RuntimeException e) {
        LOG.warn("a subscriber to the poller lease failed on {}: {}", change, e.getMessage(), e);
      }
    }
  }

  private void renew() {
    if (store.renewLease(NAME, owner, ttl)) {
      synchronized (lock) {
        confirmedAt = System.nanoTime();
      }
      return;
    }
    lose("another instance took it or it expired");
  }

  private void failed(RuntimeException e) {
    boolean holding;
    long since;
    synchronized (lock) {
      holding = held;
      since = System.nanoTime() - confirmedAt;
    }
    if (!holding) {
      LOG.warn("instance {} could not try the poller lease ({}); it tries again in {} ms", owner,
          e.getMessage(), period.toMillis());
    } else if (since + period.toNanos() >= ttl.toNanos()) {
      // The next try would come after the lease may have run out in the store.
      lose("the store was unreachable for " + since / 1_000_000 + " ms: " + e.getMessage());
    } else {
      LOG.warn("instance {} could not renew the poller lease ({}); it polls on and tries again in {} ms",
          owner, e.getMessage(), period.toMillis());
    }
  }

  private void lose(String why) {
    synchronized (lock) {
      held = false;
    }
    LOG.warn("instance {} lost the poller lease ({}); it finishes the page in progress, stops "
        + "polling and stands by", owner, why);
    tell(Change.LOST);
  }

  private void release() {
    try {
      store.releaseLease(NAME, owner);
      LOG.info("instance {} released the poller lease", owner);
    } catch (RuntimeException e) {
      LOG.warn("instance {} could not release the poller lease ({}); another instance takes it "
          + "when it expires", owner, e.getMessage());
    }
  }
}
