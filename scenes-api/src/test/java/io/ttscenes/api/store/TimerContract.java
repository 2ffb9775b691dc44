package io.ttscenes.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The timer and marker half of the contract; see {@link SessionStoreContract}. */
public abstract class TimerContract extends WakeContract {
  private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(30);

  @Test
  void scheduledTimerIsClaimedOnlyOnceDue() {
    store.scheduleTimer("u1", T0);

    assertEquals(List.of(), store.claimDueTimers(T0.minusMillis(1), LEASE, 10));
    assertEquals(List.of("u1"), store.claimDueTimers(T0, LEASE, 10));
  }

  @Test
  void schedulingAgainReplacesTheTimer() {
    store.scheduleTimer("u1", T0);
    store.scheduleTimer("u1", T0.plusSeconds(60));

    assertEquals(List.of(), store.claimDueTimers(T0.plusSeconds(59), LEASE, 10));
    assertEquals(List.of("u1"), store.claimDueTimers(T0.plusSeconds(60), LEASE, 10));
  }

  @Test
  void cancelledTimerIsNeverClaimedAndCancelIsIdempotent() {
    store.scheduleTimer("u1", T0);
    store.scheduleTimer("u2", T0);
    store.cancelTimer("u1");
    store.cancelTimer("u1");
    store.cancelTimer("nobody");

    assertEquals(List.of("u2"), store.claimDueTimers(T0.plusSeconds(3600), LEASE, 10));
  }

  @Test
  void claimedTimerIsHiddenForTheLeaseAndComesBackAfterIt() {
    store.scheduleTimer("u1", T0);
    assertEquals(List.of("u1"), store.claimDueTimers(T0, LEASE, 10));

    Instant leaseEnd = T0.plus(LEASE);
    assertEquals(List.of(), store.claimDueTimers(leaseEnd.minusMillis(1), LEASE, 10));
    assertEquals(List.of("u1"), store.claimDueTimers(leaseEnd, LEASE, 10));
  }

  @Test
  void reschedulingAClaimedTimerReplacesItsLease() {
    store.scheduleTimer("u1", T0);
    store.claimDueTimers(T0, LEASE, 10);
    Instant later = T0.plus(LEASE).plusSeconds(60);
    store.scheduleTimer("u1", later);

    assertEquals(List.of(), store.claimDueTimers(T0.plus(LEASE), LEASE, 10));
    assertEquals(List.of("u1"), store.claimDueTimers(later, LEASE, 10));
  }

  @Test
  void cancellingAClaimedTimerRemovesItForGood() {
    store.scheduleTimer("u1", T0);
    store.claimDueTimers(T0, LEASE, 10);
    store.cancelTimer("u1");

    assertEquals(List.of(), store.claimDueTimers(T0.plusSeconds(3600), LEASE, 10));
  }

  @Test
  void conditionalCancelLeavesATimerSetToAnotherDueTime() {
    store.scheduleTimer("u1", T0.plusSeconds(60));

    assertFalse(store.cancelTimer("u1", T0));
    assertFalse(store.cancelTimer("nobody", T0));
    assertEquals(List.of("u1"), store.claimDueTimers(T0.plusSeconds(60), LEASE, 10));
  }

  @Test
  void conditionalCancelRemovesATimerSetToThatDueTime() {
    store.scheduleTimer("u1", T0);

    assertTrue(store.cancelTimer("u1", T0));
    assertEquals(List.of(), store.claimDueTimers(T0.plusSeconds(3600), LEASE, 10));
  }

  @Test
  void conditionalCancelWithTheLeaseEndRemovesAClaimedTimer() {
    store.scheduleTimer("u1", T0);
    store.claimDueTimers(T0, LEASE, 10);

    assertTrue(store.cancelTimer("u1", T0.plus(LEASE)));
    assertEquals(List.of(), store.claimDueTimers(T0.plusSeconds(3600), LEASE, 10));
  }

  @Test
  void conditionalCancelKeepsATimerReArmedAfterItsClaim() {
    store.scheduleTimer("u1", T0);
    store.claimDueTimers(T0, LEASE, 10);
    Instant rearmed = T0.plusSeconds(600);
    store.scheduleTimer("u1", rearmed);

    assertFalse(store.cancelTimer("u1", T0.plus(LEASE)));
    assertEquals(List.of("u1"), store.claimDueTimers(rearmed, LEASE, 10));
  }

  @Test
  void claimTakesTheEarliestDueTimersUpToTheLimit() {
    store.scheduleTimer("late", T0.plusSeconds(3));
    store.scheduleTimer("first", T0);
    store.scheduleTimer("second", T0.plusSeconds(1));
    store.scheduleTimer("future", T0.plusSeconds(3600));

    Instant now = T0.plusSeconds(10);
    assertEquals(List.of("first", "second"), store.claimDueTimers(now, LEASE, 2));
    assertEquals(List.of("late"), store.claimDueTimers(now, LEASE, 2));
  }

  @Test
  void aClaimedTimerWokenByATakeOverIsDueAgainAtOnce() {
    store.scheduleTimer("u1", T0);
    assertEquals(List.of("u1"), store.claimDueTimers(T0, LEASE, 10));
    Instant restart = T0.plusSeconds(5);

    assertEquals(1, store.wakeTimersDueBy(restart.plus(LEASE), restart));

    assertEquals(List.of("u1"), store.claimDueTimers(restart, LEASE, 10));
    assertEquals(List.of(), store.claimDueTimers(restart.plus(LEASE).minusMillis(1), LEASE, 10),
        "the new claim hides it for a whole lease again");
  }

  @Test
  void wakingTimersMovesOnlyThoseDueWithinTheHorizonToNow() {
    store.scheduleTimer("overdue", T0.minusSeconds(10));
    store.scheduleTimer("soon", T0.plusSeconds(10));
    store.scheduleTimer("edge", T0.plus(LEASE));
    store.scheduleTimer("later", T0.plus(LEASE).plusMillis(1));

    assertEquals(2, store.wakeTimersDueBy(T0.plus(LEASE), T0));

    // A conditional cancel matches only the exact score: each timer is where the wake left it.
    assertTrue(store.cancelTimer("overdue", T0.minusSeconds(10)), "an overdue timer keeps its due time");
    assertTrue(store.cancelTimer("soon", T0), "due now");
    assertTrue(store.cancelTimer("edge", T0), "due now");
    assertFalse(store.cancelTimer("later", T0), "beyond the horizon");
    assertEquals(List.of("later"), store.claimDueTimers(T0.plus(LEASE).plusMillis(1), LEASE, 10));
  }

  @Test
  void wakingWithAHorizonBeforeNowIsRefusedAndMovesNothing() {
    store.scheduleTimer("u1", T0.plusSeconds(10));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> store.wakeTimersDueBy(T0.minusMillis(1), T0));

    assertTrue(e.getMessage().contains("horizon " + T0.minusMillis(1)), e.getMessage());
    assertEquals(List.of(), store.claimDueTimers(T0.plusSeconds(10).minusMillis(1), LEASE, 10));
  }

  @Test
  void claimRejectsANonPositiveLimit() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> store.claimDueTimers(T0, LEASE, 0));
    assertTrue(e.getMessage().contains("limit"), e.getMessage());
  }

  @Test
  void concurrentClaimersClaimEachDueTimerExactlyOnce() throws Exception {
    int timers = 300;
    for (int i = 0; i < timers; i++) {
      store.scheduleTimer("s" + i, T0.plusMillis(i));
    }
    Instant now = T0.plusSeconds(1);
    List<List<String>> claims = Concurrently.run(8, () -> {
      List<String> mine = new ArrayList<>();
      for (List<String> batch = store.claimDueTimers(now, LEASE, 7); !batch.isEmpty();
          batch = store.claimDueTimers(now, LEASE, 7)) {
        mine.addAll(batch);
      }
      return mine;
    });

    List<String> all = new ArrayList<>();
    claims.forEach(all::addAll);
    assertEquals(timers, all.size(), "every due timer claimed");
    assertEquals(timers, new HashSet<>(all).size(), "no timer claimed twice");
  }

  @Test
  void markerIsAbsentBeforeTheFirstSaveAndKeepsTheLastOne() {
    assertEquals(OptionalLong.empty(), store.loadMarker());
    store.saveMarker(1_700_000_000_123L);
    store.saveMarker(1_700_000_000_456L);
    assertEquals(OptionalLong.of(1_700_000_000_456L), store.loadMarker());
  }

}
