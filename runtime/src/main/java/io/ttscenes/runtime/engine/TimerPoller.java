package io.ttscenes.runtime.engine;

import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoreRejectedException;
import io.ttscenes.api.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires scheduled jobs and scene timeouts: each {@link #run()} claims the session timers due by
 * the clock (hidden from other instances for the lease) and submits them to the dispatcher's lanes. Thread-safe; run it
 * periodically with {@link #start} or call {@link #pollOnce()} from tests with a fake clock.
 */
public final class TimerPoller implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(TimerPoller.class);

  private final SessionStore store;
  private final Dispatcher dispatcher;
  private final Clock clock;
  private final Duration lease;
  private final int batch;

  /**
   * Creates a poller claiming up to {@code batch} timers per poll, each for {@code lease} (a timer
   * not handled within its lease becomes due again, so a crash loses none).
   */
  public TimerPoller(SessionStore store, Dispatcher dispatcher, Clock clock, Duration lease, int batch) {
    this.store = Objects.requireNonNull(store, "store");
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lease = Objects.requireNonNull(lease, "lease");
    if (batch < 1) {
      throw new IllegalArgumentException("batch is " + batch + "; it must be >= 1");
    }
    this.batch = batch;
  }

  /** Claims the due timers and submits them; returns how many were submitted. Throws nothing. */
  public int pollOnce() {
    try {
      Instant now = clock.instant();
      List<String> keys = store.claimDueTimers(now, lease, batch);
      Instant claimedUntil = now.plus(lease);
      keys.forEach(key -> dispatcher.submitTimer(key, claimedUntil));
      return keys.size();
    } catch (StoreUnavailableException | StoreRejectedException e) {
      // Never thrown on: a scheduled poll that throws is not run again, and no timer would fire.
      LOG.warn("could not claim due session timers ({}); the next poll tries again", e.getMessage());
    } catch (IllegalStateException e) {
      LOG.info("dispatcher is closing; due session timers stay for the next instance: {}", e.getMessage());
    }
    return 0;
  }

  /** Same as {@link #pollOnce()}, for schedulers. */
  @Override
  public void run() {
    pollOnce();
  }

  /** Polls every {@code period} on {@code scheduler} until the returned future is cancelled. */
  public ScheduledFuture<?> start(ScheduledExecutorService scheduler, Duration period) {
    return scheduler.scheduleWithFixedDelay(this, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }
}
