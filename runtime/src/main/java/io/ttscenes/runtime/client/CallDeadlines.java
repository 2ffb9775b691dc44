package io.ttscenes.runtime.client;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts API calls that outlive their deadline: one deadline for the whole exchange, checked by one
 * daemon thread every {@link #TICK_MILLIS} ms, which cancels the overdue call (its socket is
 * closed and the thread blocked in it gets an {@code IOException}).
 *
 * <p>This replaces OkHttp's read and write timeouts for Bot API calls. Those arm a timer around
 * every socket read and write: each one enters Okio's watchdog queue (1.6 wake-ups of its thread
 * per update in the steady benchmark) and, through {@code SO_TIMEOUT}, turns every blocking read
 * into a non-blocking read, a poll and a read again. A registration here is a map entry, with no
 * thread to wake. Deadlines are as exact as the tick, which is far below the seconds they
 * measure. Thread-safe.
 */
final class CallDeadlines {
  /** How often the overdue calls are looked for. */
  static final long TICK_MILLIS = 100;
  private static final Logger LOG = LoggerFactory.getLogger(CallDeadlines.class);
  private static final CallDeadlines SHARED = new CallDeadlines();

  /** One call being watched: its deadline ({@link System#nanoTime()}) and whether it was cut. */
  static final class Watch {
    private final Call call;
    private final long deadline;
    private volatile boolean expired;

    private Watch(Call call, long deadline) {
      this.call = call;
      this.deadline = deadline;
    }

    /** Whether the call ran out of time and was cancelled for it. */
    boolean expired() {
      return expired;
    }
  }

  private final ConcurrentHashMap<Watch, Boolean> watched = new ConcurrentHashMap<>();
  private volatile Thread checker;

  private CallDeadlines() {}

  /** The one watcher of this JVM: a single thread serves every client. */
  static CallDeadlines shared() {
    return SHARED;
  }

  /** Watches {@code call}, cancelled if it is not {@linkplain #release released} within {@code budgetNanos}. */
  Watch watch(Call call, long budgetNanos) {
    Watch watch = new Watch(call, System.nanoTime() + budgetNanos);
    watched.put(watch, Boolean.TRUE);
    if (checker == null) {
      startChecker();
    }
    return watch;
  }

  /** Stops watching: the call finished (or failed) on its own. */
  void release(Watch watch) {
    watched.remove(watch);
  }

  private synchronized void startChecker() {
    if (checker != null) {
      return;
    }
    Thread thread = new Thread(this::checkForever, "ttscenes-http-deadlines");
    thread.setDaemon(true);
    thread.start();
    checker = thread;
  }

  private void checkForever() {
    while (true) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
      // Nothing of ours interrupts this thread; if something did, parkNanos would return at once
      // for ever after and the checker would spin: it lives as long as the JVM, so it ignores it.
      Thread.interrupted();
      try {
        cancelOverdue(System.nanoTime());
      } catch (Throwable e) {
        // The one checker must outlive anything one round throws, or no call would be cut again.
        LOG.warn("checking API call deadlines failed: {}", e.toString());
      }
    }
  }

  private void cancelOverdue(long now) {
    for (Watch watch : watched.keySet()) {
      if (now - watch.deadline >= 0 && watched.remove(watch) != null) {
        watch.expired = true;
        try {
          watch.call.cancel();
        } catch (RuntimeException e) {
          // Cancelling closes a socket; whatever that throws, the call's own thread reports it.
        }
      }
    }
  }
}
