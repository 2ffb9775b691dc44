package io.ttscenes.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The half of the contract about signals between sessions: a session's inbox, filled by
 * {@link SessionStore#appendSignal} (which makes the session's timer due) and emptied only by the
 * commits that consume its entries; see {@link SessionStoreContract}.
 */
public abstract class InboxContract extends ChatDataContract {
  private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(30);

  private static Commit consuming(String key, long expected, String updateId, Optional<Instant> wake,
      Set<String> consumed) {
    return new Commit(key, expected, "{}", Optional.empty(), updateId, HOUR, Set.of(), wake, consumed);
  }

  @Test
  void anAppendedSignalWaitsInTheInboxOfASessionThatDoesNotExistYet() {
    store.appendSignal("n:poll:1", new InboxEntry("s1", T0, "{\"vote\":1}"));

    assertEquals(List.of(new InboxEntry("s1", T0, "{\"vote\":1}")), store.inbox("n:poll:1"));
    assertEquals(Optional.empty(), store.load("n:poll:1"));
    assertEquals(List.of(), store.inbox("n:poll:2"));
  }

  @Test
  void theInboxListsOldestFirstAndKeepsTheFirstCopyOfARepeatedId() {
    store.appendSignal("n:t", new InboxEntry("b", T0.plusSeconds(1), "second"));
    store.appendSignal("n:t", new InboxEntry("a", T0, "first"));
    store.appendSignal("n:t", new InboxEntry("a", T0.plusSeconds(9), "again"));

    assertEquals(List.of(new InboxEntry("a", T0, "first"), new InboxEntry("b", T0.plusSeconds(1), "second")),
        store.inbox("n:t"));
  }

  @Test
  void anAppendMakesTheSessionTimerDueButNeverLater() {
    store.commit(consuming("u1", 0, "m1", Optional.of(T0.plusSeconds(600)), Set.of()));

    store.appendSignal("u1", new InboxEntry("s1", T0, "{}"));
    assertEquals(List.of("u1"), store.claimDueTimers(T0, LEASE, 10), "lowered to the delivery");

    store.appendSignal("u1", new InboxEntry("s2", T0.plusSeconds(5), "{}"));
    assertEquals(List.of("u1"), store.claimDueTimers(T0.plusSeconds(5), LEASE, 10),
        "a claim's lease end is lowered too");
  }

  @Test
  void aCommitConsumesTheEntriesItNamesAtomicallyAndAConflictConsumesNone() {
    store.appendSignal("n:t", new InboxEntry("a", T0, "1"));
    store.appendSignal("n:t", new InboxEntry("b", T0, "2"));

    CommitResult lost = store.commit(consuming("n:t", 3, "sig:a", Optional.empty(), Set.of("a")));
    assertEquals(new CommitResult.Conflict(0), lost);
    assertEquals(2, store.inbox("n:t").size());

    store.commit(consuming("n:t", 0, "sig:a", Optional.empty(), Set.of("a", "gone")));
    assertEquals(List.of(new InboxEntry("b", T0, "2")), store.inbox("n:t"));
    assertTrue(store.load("n:t").orElseThrow().hasSeen("sig:a"));
  }

  @Test
  void aCommitThatDropsTheLastJobKeepsTheTimerOfWaitingSignals() {
    store.commit(consuming("u1", 0, "m1", Optional.of(T0.plusSeconds(600)), Set.of()));
    store.appendSignal("u1", new InboxEntry("s1", T0, "{}"));

    store.commit(consuming("u1", 1, "m2", Optional.empty(), Set.of()));

    assertEquals(List.of("u1"), store.claimDueTimers(T0, LEASE, 10), "the signal still waits");
  }

  @Test
  void aCommitThatMovesTheWakeLaterKeepsTheTimerOfWaitingSignals() {
    store.commit(consuming("u1", 0, "m1", Optional.of(T0.plusSeconds(600)), Set.of()));
    store.appendSignal("u1", new InboxEntry("s1", T0, "{}"));

    store.commit(consuming("u1", 1, "m2", Optional.of(T0.plusSeconds(900)), Set.of()));

    assertEquals(List.of("u1"), store.claimDueTimers(T0, LEASE, 10));
  }

  @Test
  void manySignalsToOneSessionAreAllKept() {
    for (int i = 0; i < 50; i++) {
      store.appendSignal("n:poll:9", new InboxEntry("vote-" + i, T0.plusMillis(i), "{}"));
    }

    assertEquals(50, store.inbox("n:poll:9").size());
  }
}
