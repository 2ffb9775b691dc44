package io.ttscenes.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The half of the contract about a commit's wake (the session's earliest scheduled job) and the
 * session timer it keeps in the same atomic step; see {@link SessionStoreContract}.
 */
public abstract class WakeContract extends InboxContract {
  private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(30);

  private static Commit waking(String key, long expected, String updateId, Optional<Instant> wake) {
    return new Commit(key, expected, "{}", Optional.empty(), updateId, HOUR, Set.of(), wake);
  }

  @Test
  void aCommitWithAWakeArmsTheSessionTimer() {
    store.commit(waking("u1", 0, "m1", Optional.of(T0)));

    assertEquals(List.of(), store.claimDueTimers(T0.minusMillis(1), LEASE, 10));
    assertEquals(List.of("u1"), store.claimDueTimers(T0, LEASE, 10));
  }

  @Test
  void aCommitWithAnotherWakeMovesTheTimerAndOneWithoutRemovesIt() {
    store.commit(waking("u1", 0, "m1", Optional.of(T0)));
    store.commit(waking("u1", 1, "m2", Optional.of(T0.plusSeconds(60))));
    assertEquals(List.of(), store.claimDueTimers(T0.plusSeconds(59), LEASE, 10));

    store.commit(waking("u1", 2, "m3", Optional.empty()));
    assertEquals(List.of(), store.claimDueTimers(T0.plus(HOUR), LEASE, 10));
  }

  /** A store that keeps timers outside the commit's atomic step may override this, saying what it does instead. */
  @Test
  protected void aCommitWithTheSameWakeLeavesAClaimInPlace() {
    store.commit(waking("u1", 0, "m1", Optional.of(T0)));
    assertEquals(List.of("u1"), store.claimDueTimers(T0, LEASE, 10));

    store.commit(waking("u1", 1, "m2", Optional.of(T0)));

    assertEquals(List.of(), store.claimDueTimers(T0.plus(LEASE).minusMillis(1), LEASE, 10),
        "the claim still hides the timer");
    assertEquals(List.of("u1"), store.claimDueTimers(T0.plus(LEASE), LEASE, 10));
  }

  @Test
  void aConflictingCommitLeavesTheTimerAsItWas() {
    store.commit(waking("u1", 0, "m1", Optional.of(T0)));

    CommitResult result = store.commit(waking("u1", 0, "m2", Optional.empty()));

    assertRefused("u1", 1, result);
    assertEquals(List.of("u1"), store.claimDueTimers(T0, LEASE, 10));
  }

  @Test
  void rescheduleMovesTheTimerOnlyWhileItHoldsTheGivenScore() {
    store.commit(waking("u1", 0, "m1", Optional.of(T0)));
    assertEquals(List.of("u1"), store.claimDueTimers(T0, LEASE, 10));
    Instant claim = T0.plus(LEASE);

    assertFalse(store.rescheduleTimer("u1", T0, T0.plusSeconds(600)), "the claim changed the score");
    assertTrue(store.rescheduleTimer("u1", claim, T0.plusSeconds(600)));
    assertFalse(store.rescheduleTimer("nobody", claim, T0));

    assertEquals(List.of(), store.claimDueTimers(T0.plusSeconds(599), LEASE, 10));
    assertEquals(List.of("u1"), store.claimDueTimers(T0.plusSeconds(600), LEASE, 10));
  }

  /** A store whose timers are spread over shards it cannot claim from at once may override this. */
  @Test
  protected void timersOfManySessionsAreClaimedEarliestFirstAndEachOnce() {
    IntStream.range(0, 40).forEach(i ->
        store.commit(waking("s" + i, 0, "m", Optional.of(T0.plusMillis(40 - i)))));

    List<String> first = store.claimDueTimers(T0.plusSeconds(1), LEASE, 5);
    List<String> rest = store.claimDueTimers(T0.plusSeconds(1), LEASE, 100);

    assertEquals(List.of("s39", "s38", "s37", "s36", "s35"), first);
    assertEquals(35, rest.size());
    assertTrue(rest.stream().noneMatch(first::contains), rest.toString());
  }
}
