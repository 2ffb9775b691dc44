package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.SessionStoreContract;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The store contract as a store in cluster mode keeps it, on one node or a real cluster: its
 * timers live outside the session's slot, so two timer cases say what it does instead.
 */
abstract class ClusterModeStoreContract extends SessionStoreContract {
  protected final ShiftedClock clock = new ShiftedClock();
  private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(30);

  private static Commit waking(String key, long expected, String updateId, Instant wake) {
    return new Commit(key, expected, "{}", Optional.empty(), updateId, HOUR, Set.of(), Optional.of(wake));
  }

  /**
   * In cluster mode the timer is lowered to the wake before every commit of a session with jobs
   * (it is in another slot), so a claim ends early and the timer may fire twice; the engine's
   * compare-and-set makes the second firing find nothing due.
   */
  @Override
  @Test
  protected void aCommitWithTheSameWakeLeavesAClaimInPlace() {
    store.commit(waking("u1", 0, "m1", T0));
    assertEquals(List.of("u1"), store.claimDueTimers(T0, LEASE, 10));

    store.commit(waking("u1", 1, "m2", T0));

    assertEquals(List.of("u1"), store.claimDueTimers(T0, LEASE, 10));
  }

  /** In cluster mode shards are claimed one after another: earliest first within a shard, each once. */
  @Override
  @Test
  protected void timersOfManySessionsAreClaimedEarliestFirstAndEachOnce() {
    IntStream.range(0, 40).forEach(i -> store.commit(waking("s" + i, 0, "m", T0.plusMillis(40 - i))));

    List<String> first = store.claimDueTimers(T0.plusSeconds(1), LEASE, 5);
    List<String> rest = store.claimDueTimers(T0.plusSeconds(1), LEASE, 100);

    Set<String> all = new HashSet<>(first);
    all.addAll(rest);
    assertEquals(5, first.size());
    assertEquals(40, all.size());
    assertEquals(40, first.size() + rest.size());
  }

  @Override
  protected Duration expiryTtl() {
    return Duration.ofSeconds(1);
  }

  @Override
  protected void passTime(Duration elapsed) {
    // Redis expires keys on its own clock (the contract polls until the session is gone); the
    // store's own time (the dedupe window) moves on.
    clock.advance(elapsed);
  }
}
