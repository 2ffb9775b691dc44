package io.ttscenes.testkit.kit;

import io.ttscenes.api.store.SessionStore;
import io.ttscenes.runtime.engine.Dispatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fires the scene timers that are due by the test clock, the way the runtime's timer poller
 * does, but on the test's thread and waiting for each to be handled, so {@code advance} is
 * deterministic.
 */
final class Timers {
  private static final Duration LEASE = Duration.ofMinutes(1);
  private static final int BATCH = 100;
  // A handler that keeps re-arming an already due timer would otherwise loop forever.
  private static final int MAX_ROUNDS = 100;

  private final SessionStore store;
  private final TestClock clock;

  Timers(SessionStore store, TestClock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Claims and handles due timers until none is due; returns how many fired. */
  int fireDue(Dispatcher dispatcher, Duration timeout) {
    int fired = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<String> keys = store.claimDueTimers(clock.instant(), LEASE, BATCH);
      if (keys.isEmpty()) {
        return fired;
      }
      List<CompletableFuture<Void>> handled = new ArrayList<>();
      keys.forEach(key -> handled.add(dispatcher.submitTimer(key)));
      for (int i = 0; i < keys.size(); i++) {
        await(keys.get(i), handled.get(i), timeout);
      }
      fired += keys.size();
    }
    throw new AssertionError("scene timers kept becoming due after " + MAX_ROUNDS
        + " rounds at " + clock.instant() + "; does a timeout handler re-enter with a zero timeout?");
  }

  private static void await(String key, CompletableFuture<Void> done, Duration timeout) {
    try {
      done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the timeout of session " + key + " was not handled within " + timeout);
    } catch (ExecutionException e) {
      throw new AssertionError("the timeout of session " + key + " failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while the timeout of session " + key + " ran", e);
    }
  }
}
