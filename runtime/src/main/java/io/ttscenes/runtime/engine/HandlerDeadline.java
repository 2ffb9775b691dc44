package io.ttscenes.runtime.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how long the bot's own code may run for one job. A watchdog thread interrupts a run that
 * overstays and calls its overrun action (which hands the lane on to a replacement), so its
 * session and every other session go on. The overrun run is abandoned: when its thread comes back,
 * whatever it produced is dropped before it could be committed ({@link AbandonedRun}). Leaving and
 * abandoning exclude each other under one lock, so a run is either committed by its own thread or
 * replaced, never both.
 */
final class HandlerDeadline implements AutoCloseable {
  private final Duration limit;
  private final ScheduledThreadPoolExecutor watchdog;

  HandlerDeadline(Duration limit, String botName) {
    this.limit = limit;
    this.watchdog = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "ttscenes-" + botName + "-deadline");
      thread.setDaemon(true);
      return thread;
    });
    // Nearly every alarm is cancelled: kept until due, they would pile up (one per update for
    // the whole deadline).
    watchdog.setRemoveOnCancelPolicy(true);
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
    Watch watch = new Watch(onOverrun);
    T result;
    try {
      result = code.get();
    } catch (RuntimeException | Error e) {
      watch.leave();
      throw e;
    }
    watch.leave();
    return result;
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }

  /** The state of one guarded run, shared by its thread and the watchdog. */
  private final class Watch implements Runnable {
    private final Thread thread = Thread.currentThread();
    private final Runnable onOverrun;
    private final ScheduledFuture<?> alarm;
    private boolean inside = true;
    private boolean abandoned;

    Watch(Runnable onOverrun) {
      this.onOverrun = onOverrun;
      synchronized (this) {
        // Armed under the lock, so an alarm that fires at once still sees the field set.
        this.alarm = watchdog.schedule(this, limit.toNanos(), TimeUnit.NANOSECONDS);
      }
    }

    /** The alarm: abandons the run if its thread is still inside. */
    @Override
    public synchronized void run() {
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
      alarm.cancel(false);
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
