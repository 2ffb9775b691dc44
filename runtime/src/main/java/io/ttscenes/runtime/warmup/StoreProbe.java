package io.ttscenes.runtime.warmup;

import io.ttscenes.api.store.SessionStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads keys no session has from the bot's real store on several threads at once, so the store
 * client's connections are open and its read path loaded before the first update needs them.
 * Reads only: nothing is written. Failures are logged at debug level (the bot's own start reports
 * a store that is down). Its threads are daemons and stop at the deadline or the stop.
 */
final class StoreProbe {
  private static final Logger LOG = LoggerFactory.getLogger(StoreProbe.class);
  static final String KEY_PREFIX = "ttscenes-warm-up-probe:";
  private static final int READS_PER_THREAD = 16;

  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicInteger running;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private final CompletableFuture<Void> stop;

  private StoreProbe(int threadCount, CompletableFuture<Void> stop) {
    this.running = new AtomicInteger(threadCount);
    this.stop = stop;
    if (threadCount == 0) {
      done.complete(null);
    }
  }

  /**
   * Starts {@code threadCount} readers of {@code store} that stop at {@code deadline}
   * ({@link System#nanoTime()}) or once {@code stop} completes.
   */
  static StoreProbe start(SessionStore store, int threadCount, long deadline, CompletableFuture<Void> stop) {
    StoreProbe probe = new StoreProbe(threadCount, stop);
    for (int t = 0; t < threadCount; t++) {
      int id = t;
      Thread thread = new Thread(() -> probe.readThenCount(store, id, deadline), "ttscenes-warm-up-store-" + t);
      thread.setDaemon(true);
      thread.start();
    }
    return probe;
  }

  private void readThenCount(SessionStore store, int thread, long deadline) {
    try {
      read(store, thread, deadline);
    } finally {
      if (running.decrementAndGet() == 0) {
        done.complete(null);
      }
    }
  }

  private void read(SessionStore store, int thread, long deadline) {
    try {
      for (int i = 0; i < READS_PER_THREAD && System.nanoTime() < deadline && !stop.isDone(); i++) {
        store.load(KEY_PREFIX + thread + ":" + i);
        reads.incrementAndGet();
      }
    } catch (RuntimeException e) {
      LOG.debug("warm-up: reading the store failed ({}); the probe stops", e.toString());
    }
  }

  /**
   * Waits for the readers until {@code deadline} at the latest, or until the stop completes (a
   * store that hangs must not delay a close); returns how many reads were done.
   */
  int await(long deadline) throws InterruptedException {
    try {
      CompletableFuture.anyOf(done, stop).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Out of time: the readers stop at the deadline on their own, reads in flight count later.
    }
    return reads.get();
  }
}
