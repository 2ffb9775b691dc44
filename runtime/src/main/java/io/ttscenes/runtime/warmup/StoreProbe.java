package io.ttscenes.runtime.warmup;

import io.ttscenes.api.store.SessionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads keys no session has from the bot's real store on several threads at once, so the store
 * client's connections are open and its read path loaded before the first update needs them.
 * Reads only: nothing is written. Failures are logged at debug level (the bot's own start reports
 * a store that is down). Its threads are daemons and stop at the deadline.
 */
final class StoreProbe {
  private static final Logger LOG = LoggerFactory.getLogger(StoreProbe.class);
  static final String KEY_PREFIX = "ttscenes-warm-up-probe:";
  private static final int READS_PER_THREAD = 16;

  private final List<Thread> threads = new ArrayList<>();
  private final AtomicInteger reads = new AtomicInteger();

  private StoreProbe() {}

  /** Starts {@code threadCount} readers of {@code store} that stop at {@code deadline} ({@link System#nanoTime()}). */
  static StoreProbe start(SessionStore store, int threadCount, long deadline) {
    StoreProbe probe = new StoreProbe();
    for (int t = 0; t < threadCount; t++) {
      int id = t;
      Thread thread = new Thread(() -> probe.read(store, id, deadline), "ttscenes-warm-up-store-" + t);
      thread.setDaemon(true);
      probe.threads.add(thread);
      thread.start();
    }
    return probe;
  }

  private void read(SessionStore store, int thread, long deadline) {
    try {
      for (int i = 0; i < READS_PER_THREAD && System.nanoTime() < deadline; i++) {
        store.load(KEY_PREFIX + thread + ":" + i);
        reads.incrementAndGet();
      }
    } catch (RuntimeException e) {
      LOG.debug("warm-up: reading the store failed ({}); the probe stops", e.toString());
    }
  }

  /** Waits for the readers until {@code deadline} at the latest; returns how many reads were done. */
  int await(long deadline) throws InterruptedException {
    for (Thread thread : threads) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        TimeUnit.NANOSECONDS.timedJoin(thread, left);
      }
    }
    return reads.get();
  }
}
