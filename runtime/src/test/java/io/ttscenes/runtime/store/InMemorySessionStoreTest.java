package io.ttscenes.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.OutboxEntry;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.SessionStoreContract;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class InMemorySessionStoreTest extends SessionStoreContract {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  @Override
  protected SessionStore newStore() {
    return InMemorySessionStore.builder().ticker(nanos::get).executor(Runnable::run).build();
  }

  @Override
  protected Duration expiryTtl() {
    return Duration.ofMinutes(30);
  }

  @Override
  protected void passTime(Duration elapsed) {
    nanos.addAndGet(elapsed.toNanos());
  }

  @Test
  void sessionLivesUntilItsTtlHasFullyPassed() {
    store.commit(new Commit("u1", 0, "d", Optional.empty(), "m1", Duration.ofMinutes(10)));

    passTime(Duration.ofMinutes(10).minusNanos(1));
    assertTrue(store.load("u1").isPresent(), "a read does not need the full TTL to pass");
    passTime(Duration.ofNanos(1));
    assertEquals(Optional.empty(), store.load("u1"));
  }

  @Test
  void readsDoNotExtendTheIdleTtl() {
    store.commit(new Commit("u1", 0, "d", Optional.empty(), "m1", Duration.ofMinutes(10)));
    for (int minute = 0; minute < 9; minute++) {
      passTime(Duration.ofMinutes(1));
      assertTrue(store.load("u1").isPresent());
    }
    passTime(Duration.ofMinutes(1));
    assertEquals(Optional.empty(), store.load("u1"));
  }

  @Test
  void aConflictDoesNotExtendTheIdleTtl() {
    store.commit(new Commit("u1", 0, "d", Optional.empty(), "m1", Duration.ofMinutes(10)));
    passTime(Duration.ofMinutes(9));
    store.commit(new Commit("u1", 7, "stale", Optional.empty(), "m2", Duration.ofHours(5)));
    passTime(Duration.ofMinutes(1));
    assertEquals(Optional.empty(), store.load("u1"));
  }

  @Test
  void holdsAtMostTheConfiguredNumberOfSessions() {
    InMemorySessionStore small =
        InMemorySessionStore.builder().maximumSessions(50).executor(Runnable::run).build();
    for (int i = 0; i < 500; i++) {
      small.commit(new Commit("u" + i, 0, "d", Optional.empty(), "m", HOUR));
    }
    assertTrue(small.size() <= 50, "holds " + small.size() + " sessions; the bound is 50");
    small.close();
  }

  @Test
  void byDefaultTheBoundHoldsRightAfterEachCommitWithoutAnotherThread() {
    InMemorySessionStore small = InMemorySessionStore.builder().maximumSessions(10).build();
    long held = 0;
    for (int i = 0; i < 200; i++) {
      small.commit(new Commit("u" + i, 0, "d", Optional.empty(), "m", HOUR));
    }
    for (int i = 0; i < 200; i++) {
      held += small.load("u" + i).isPresent() ? 1 : 0;
    }
    // Eviction ran inside the commits (the calling thread), not later on a pool.
    assertTrue(held <= 10, held + " sessions load; the bound is 10");
    small.close();
  }

  @Test
  void expiredSessionTakesItsPendingOutboxAlong() {
    store.commit(new Commit("u1", 0, "d", Optional.of(new OutboxEntry("o1", "hi")), "m1",
        Duration.ofMinutes(1)));
    passTime(Duration.ofMinutes(2));
    assertEquals(List.of(), store.pendingOutboxes(10));
  }
}
