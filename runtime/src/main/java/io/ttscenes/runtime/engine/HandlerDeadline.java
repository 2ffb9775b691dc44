package io.ttscenes.runtime.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds how long the bot's own code may run for one job. A watchdog thread interrupts a run that
 * overstays and calls its overrun action (which hands the lane on to a replacement), so its
 * session and every other session go on. The overrun run is abandoned: when its thread comes back,
 * whatever it produced is dropped before it could be committed ({@link AbandonedRun}). Leaving and
 * abandoning exclude each other under one lock, so a run is either committed by its own thread or
 * replaced, never both.
 *
 * <p>Runs enter a set instead of scheduling an alarm each: an alarm per run woke the watchdog
 * thread for nearly every update at low rates (scheduling into an empty queue signals it), about
 * 3 % of the bot's CPU in the steady survey. The watchdog checks the set every tenth of the
 * limit (at most every 250 ms), so an overrun is caught between the limit and that much later.
 */
final class HandlerDeadline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HandlerDeadline.class);
  private static final long MAX_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
  private final Duration limit;
  private final Set<Watch> running = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService watchdog;

  HandlerDeadline(Duration limit, String botName) {
    this.limit = limit;
    this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "ttscenes-" + botName + "-deadline");
      thread.setDaemon(true);
      return thread;
    });
    long tick = tickNanos(limit);
    watchdog.scheduleWithFixedDelay(this::abandonOverruns, tick, tick, TimeUnit.NANOSECONDS);
  }

  /** How often the watchdog looks: a tenth of the limit, between 1 ms and 250 ms. */
  static long tickNanos(Duration limit) {
    return Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(MAX_TICK_NANOS, limit.toNanos() / 10));
  }

  Duration limit() {
    return limit;
  }

  /**
   * Runs {@code code} on the calling thread; when it is still running after the limit, interrupts
   * it and runs {@code onOverrun} on the watchdog thread. Throws {@link AbandonedRun} when the run
   * was abandoned, whether {@code code} then returned or threw.
   */
  <T> T run(Supplier<T> code, Runnable onOverrun) {
    Watch watch = new Watch(onOverrun, System.nanoTime() + limit.toNanos());
    running.add(watch);
    T result;
    try {
      result = code.get();
    } catch (RuntimeException | Error e) {
      leave(watch);
      throw e;
    }
    leave(watch);
    return result;
  }

  private void leave(Watch watch) {
    running.remove(watch);
    watch.leave();
  }

  /** The watchdog's round: abandons every run past its deadline. */
  private void abandonOverruns() {
    long now = System.nanoTime();
    for (Watch watch : running) {
      if (now - watch.deadlineNanos >= 0) {
        running.remove(watch);
        abandon(watch);
      }
    }
  }

  private static void abandon(Watch watch) {
    try {
      watch.abandon();
    } catch (RuntimeException e) {
      // A throw would cancel the periodic round and with it every later deadline.
      LOG.error("the overrun action of a handler past its deadline failed; the watchdog goes on", e);
    }
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }

  /** The state of one guarded run, shared by its thread and the watchdog. */
  private static final class Watch {
    private final Thread thread = Thread.currentThread();
    private final Runnable onOverrun;
    private final long deadlineNanos;
    private boolean inside = true;
    private boolean abandoned;

    Watch(Runnable onOverrun, long deadlineNanos) {
      this.onOverrun = onOverrun;
      this.deadlineNanos = deadlineNanos;
    }

    /** Abandons the run if its thread is still inside. */
    synchronized void abandon() {
      if (!inside) {
        return;
      }
      inside = false;
      abandoned = true;
      thread.interrupt();
      onOverrun.run();
    }

    /** Called by the run's own thread when the guarded code is done. */
    synchronized void leave() {
      if (abandoned) {
        // The interrupt was meant for the overrun code only; the pool thread goes on clean.
        Thread.interrupted();
        throw new AbandonedRun();
      }
      inside = false;
    }
  }

  /** Thrown on the thread of an abandoned run: its result must be dropped, its lane is no longer its own. */
  static final class AbandonedRun extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AbandonedRun() {
      super("the run overran the handler deadline and was replaced; its result is dropped", null, false, false);
    }
  }
}
