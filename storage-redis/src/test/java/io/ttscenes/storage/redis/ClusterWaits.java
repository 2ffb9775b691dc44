package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.store.StoreUnavailableException;
import io.ttscenes.api.store.StoredSession;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits of the cluster failover tests: polled every 50 ms, failing with what was awaited. */
final class ClusterWaits {
  private static final Duration POLL = Duration.ofMillis(50);

  private ClusterWaits() {}

  /**
   * The version of session {@code key} once {@code store} reads it (0: no session), within
   * {@code patience}; a read refused as unconfirmed is tried again.
   */
  static long awaitRead(RedisSessionStore store, String key, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      try {
        return store.loadLatest(key).map(StoredSession::version).orElse(0L);
      } catch (StoreUnavailableException notYet) {
        assertTrue(System.nanoTime() < deadline, "no read within " + patience + ": " + notYet.getMessage());
        LockSupport.parkNanos(POLL.toNanos());
      }
    }
  }

  /** Returns once {@code condition} holds; fails naming {@code what} after {@code patience}. */
  static void awaitTrue(BooleanSupplier condition, String what, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
      LockSupport.parkNanos(POLL.toNanos());
    }
  }
}
