package io.ttscenes.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.store.CommitResult.Committed;
import io.ttscenes.api.store.CommitResult.Conflict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SessionStore} must show, run by extending this class: sessions,
 * outboxes and expiry here, the paged walk over outboxes in {@link PendingPagingContract}, timers
 * and the marker in {@link TimerContract}, leases and
 * the marker order in {@link LeaseContract}. Each test gets a
 * fresh store from {@link #newStore()} that shares no keys with other tests' stores.
 */
public abstract class SessionStoreContract extends PendingPagingContract {
  @Test
  void loadOfAbsentKeyIsEmpty() {
    assertEquals(Optional.empty(), store.load("nobody"));
  }

  @Test
  void loadLatestSeesEveryCommitAndNothingForAnAbsentKey() {
    assertEquals(Optional.empty(), store.loadLatest("u1"));
    store.commit(commit("u1", 0, "one", "m1"));
    store.load("u1");
    store.commit(commit("u1", 1, "two", "m2"));

    StoredSession latest = store.loadLatest("u1").orElseThrow();
    assertEquals(2, latest.version());
    assertEquals("two", latest.data());
    assertEquals(latest, loaded("u1"));
  }

  @Test
  void anOutboxEntryIsReadBackByIdWhilePendingAndNotOnceCleared() {
    OutboxEntry entry = new OutboxEntry("1:mid:a", "{\"owner\":\"instance-a\",\"x\":\"1:2\"}");
    store.commit(commitWithOutbox(ChatKeys.member(-5, 1), 0, "one", "mid:a", entry));

    assertEquals(Optional.of(entry), store.outboxEntry(ChatKeys.member(-5, 1), "1:mid:a"));
    assertEquals(Optional.empty(), store.outboxEntry(ChatKeys.member(-5, 1), "2:mid:b"), "another id");
    assertEquals(Optional.empty(), store.outboxEntry(ChatKeys.member(-5, 2), "1:mid:a"), "another session");

    store.clearOutbox(ChatKeys.member(-5, 1), "1:mid:a");
    assertEquals(Optional.empty(), store.outboxEntry(ChatKeys.member(-5, 1), "1:mid:a"));
  }

  @Test
  void updateIdsWithLineBreaksAreStoredAndRecognisedAsTheyAre() {
    String multiline = "edit:mid.1:line one\nline two";
    store.commit(commit("u1", 0, "one", multiline));
    store.commit(commit("u1", 1, "two", "m2"));

    StoredSession session = loaded("u1");
    assertEquals(List.of(multiline, "m2"), session.recentUpdateIds());
    assertTrue(session.hasSeen(multiline));
    assertFalse(session.hasSeen("line two"));
  }

  @Test
  void firstCommitWithVersionZeroCreatesVersionOne() {
    assertEquals(new Committed(1), store.commit(commit("u1", 0, "{\"scene\":\"start\"}", "m1")));

    StoredSession session = loaded("u1");
    assertEquals(1, session.version());
    assertEquals("{\"scene\":\"start\"}", session.data());
    assertEquals(List.of("m1"), session.recentUpdateIds());
  }

  @Test
  void eachCommitIncrementsTheVersionByOne() {
    for (int v = 0; v < 5; v++) {
      assertEquals(new Committed(v + 1), store.commit(commit("u1", v, "data" + v, "m" + v)));
    }
    assertEquals(5, loaded("u1").version());
    assertEquals("data4", loaded("u1").data());
  }

  @Test
  void staleCommitReportsCurrentVersionAndWritesNothing() {
    store.commit(commit("u1", 0, "one", "m1"));
    store.commit(commitWithOutbox("u1", 1, "two", "m2", new OutboxEntry("o2", "send two")));

    Commit stale = commitWithOutbox("u1", 1, "stale", "m3", new OutboxEntry("o3", "send three"))
        .withClearedOutboxIds(Set.of("o2"));
    assertRefused("u1", 2, store.commit(stale));

    StoredSession session = loaded("u1");
    assertEquals("two", session.data());
    assertEquals(List.of("m1", "m2"), session.recentUpdateIds());
    assertFalse(session.hasSeen("m3"));
    assertEquals(
        List.of(new PendingOutbox("u1", new OutboxEntry("o2", "send two"))),
        store.pendingOutboxes(10));
  }

  @Test
  void creatingAnExistingSessionConflicts() {
    store.commit(commit("u1", 0, "first", "m1"));

    assertRefused("u1", 1, store.commit(commit("u1", 0, "second", "m2")));
    assertEquals("first", loaded("u1").data());
  }

  @Test
  void aCommitOnTheGuessThatASessionIsNewIsRefusedWithItsDataAndRecentIds() {
    store.commit(commit("u1", 0, "first", "m1"));
    store.commit(commitWithOutbox("u1", 1, "second", "m2", new OutboxEntry("o2", "send two")));
    SessionRead read = store.loadOrGuess("u1");
    assertEquals(read.guessed() ? Optional.empty() : Optional.of(loaded("u1")), read.session());

    CommitResult refused = store.commit(commitWithOutbox("u1", 0, "guessed", "m3", new OutboxEntry("o3", "three"))
        .withClearedOutboxIds(Set.of("o2")));

    assertRefused("u1", 2, refused);
    if (refusalsCarryTheSession()) {
      StoredSession carried = ((Conflict) refused).current().orElseThrow();
      assertEquals(new StoredSession(2, "second", List.of("m1", "m2")), carried);
      assertTrue(carried.hasSeen("m2"), "a redelivery of m2 is still a duplicate after the refusal");
    }
    assertEquals(List.of(new PendingOutbox("u1", new OutboxEntry("o2", "send two"))), store.pendingOutboxes(10),
        "the refused commit neither added nor cleared an outbox entry");
    assertEquals(new Committed(3), store.commit(commit("u1", 2, "third", "m3")));
  }

  @Test
  void loadOrGuessNeverReturnsASessionThatIsNotStoredAndOnlyEverGuessesAbsence() {
    SessionRead absent = store.loadOrGuess("nobody");
    assertEquals(Optional.empty(), absent.session());
    assertEquals(new Committed(1), store.commit(commit("nobody", 0, "new", "m1")), "a guess commits at version 0");

    SessionRead present = store.loadOrGuess("nobody");
    assertEquals(present.guessed() ? Optional.empty() : Optional.of(loaded("nobody")), present.session());
  }

  @Test
  void aSessionARefusalCarriedIsNotReadBackOnceItExpired() {
    store.commit(new Commit("u1", 0, "short-lived", Optional.empty(), "m1", expiryTtl()));
    assertRefused("u1", 1, store.commit(commit("u1", 0, "guessed", "m2")));

    passTime(expiryTtl().plusMillis(1));
    awaitAbsent("u1");
    assertEquals(Optional.empty(), store.loadOrGuess("u1").session());
    assertEquals(new Conflict(0), store.commit(commit("u1", 1, "stale", "m2")));
    assertEquals(new Committed(1), store.commit(commit("u1", 0, "fresh", "m2")));
    assertEquals(List.of("m2"), loaded("u1").recentUpdateIds());
  }

  @Test
  void updatingAnAbsentSessionConflictsWithVersionZero() {
    assertEquals(new Conflict(0), store.commit(commit("u1", 3, "ghost", "m1")));
    assertEquals(Optional.empty(), store.load("u1"));
  }

  @Test
  void updateIdsWithinTheDedupeWindowAreAllRememberedInOrderBeyondTheCountFloor() {
    int total = SessionStore.RECENT_UPDATE_IDS * 3;
    for (int i = 0; i < total; i++) {
      store.commit(commit("u1", i, "d", "mid-" + i));
    }

    StoredSession session = loaded("u1");
    assertEquals(IntStream.range(0, total).mapToObj(i -> "mid-" + i).toList(), session.recentUpdateIds());
    assertTrue(session.hasSeen("mid-0"), "a busy session still knows an update of moments ago");
  }

  @Test
  void updateIdsOlderThanTheDedupeWindowAreForgottenDownToTheCountFloor() {
    int total = SessionStore.RECENT_UPDATE_IDS * 2;
    for (int i = 0; i < total; i++) {
      store.commit(commit("u1", i, "d", "mid-" + i));
    }
    passTime(SessionStore.RECENT_UPDATE_WINDOW.minusSeconds(2));
    store.commit(commit("u1", total, "d", "mid-" + total));
    assertTrue(loaded("u1").hasSeen("mid-0"), "still inside the window");

    passTime(Duration.ofSeconds(4));
    store.commit(commit("u1", total + 1, "d", "mid-" + (total + 1)));

    List<String> expected = IntStream.rangeClosed(total + 2 - SessionStore.RECENT_UPDATE_IDS, total + 1)
        .mapToObj(i -> "mid-" + i).toList();
    assertEquals(expected, loaded("u1").recentUpdateIds());
  }

  @Test
  void theDedupeWindowIsCappedAndTheCommitThatHitsTheCapSaysSo() {
    int cap = SessionStore.RECENT_UPDATE_IDS_CAP;
    for (int i = 0; i < cap; i++) {
      assertEquals(new Committed(i + 1), store.commit(commit("u1", i, "d", "mid-" + i)), "commit " + i);
    }

    assertEquals(new Committed(cap + 1, true), store.commit(commit("u1", cap, "d", "mid-" + cap)));
    List<String> ids = loaded("u1").recentUpdateIds();
    assertEquals(cap, ids.size());
    assertEquals(List.of("mid-1", "mid-" + cap), List.of(ids.get(0), ids.get(cap - 1)));
  }

  @Test
  void sessionsAreIndependent() {
    store.commit(commit("u1", 0, "one", "m1"));
    store.commit(commit("u2", 0, "two", "m2"));

    assertEquals("one", loaded("u1").data());
    assertEquals(List.of("m2"), loaded("u2").recentUpdateIds());
  }

  @Test
  void outboxIsWrittenWithTheCommitAndListedOldestFirst() {
    store.commit(commitWithOutbox("a", 0, "d", "m1", new OutboxEntry("x1", "hello a")));
    store.commit(commitWithOutbox("b", 0, "d", "m2", new OutboxEntry("y1", "hello b")));
    store.commit(commitWithOutbox("c", 0, "d", "m3", new OutboxEntry("z1", "hello c")));

    List<PendingOutbox> all = store.pendingOutboxes(10);
    assertEquals(List.of("a", "b", "c"), all.stream().map(PendingOutbox::key).toList());
    assertEquals(new OutboxEntry("y1", "hello b"), all.get(1).entry());
    assertEquals(all.subList(0, 2), store.pendingOutboxes(2));
  }

  @Test
  void outboxEntriesOfOneSessionAreListedInCommitOrder() {
    store.commit(commitWithOutbox("a", 0, "d", "m1", new OutboxEntry("first", "1")));
    store.commit(commitWithOutbox("a", 1, "d", "m2", new OutboxEntry("second", "2")));
    store.commit(commitWithOutbox("a", 2, "d", "m3", new OutboxEntry("third", "3")));

    assertEquals(
        List.of("first", "second", "third"),
        store.pendingOutboxes(10).stream().map(p -> p.entry().id()).toList());
  }

  @Test
  void clearOutboxRemovesTheEntryAndIsIdempotent() {
    store.commit(commitWithOutbox("a", 0, "d", "m1", new OutboxEntry("x1", "hello")));
    store.commit(commitWithOutbox("b", 0, "d", "m2", new OutboxEntry("y1", "hi")));

    store.clearOutbox("a", "x1");
    store.clearOutbox("a", "x1");
    store.clearOutbox("nobody", "x1");

    assertEquals(
        List.of(new PendingOutbox("b", new OutboxEntry("y1", "hi"))), store.pendingOutboxes(10));
    store.clearOutbox("b", "y1");
    assertEquals(List.of(), store.pendingOutboxes(10));
    assertEquals(1, loaded("a").version(), "clearing the outbox leaves the session alone");
  }

  @Test
  void clearOutboxesRemovesEveryListedEntryOfEverySessionAndIsIdempotent() {
    store.commit(commitWithOutbox("a", 0, "d", "m1", new OutboxEntry("x1", "one")));
    store.commit(commitWithOutbox("a", 1, "d", "m2", new OutboxEntry("x2", "two")));
    store.commit(commitWithOutbox("a", 2, "d", "m3", new OutboxEntry("x3", "three")));
    store.commit(commitWithOutbox("b", 0, "d", "m4", new OutboxEntry("y1", "hi")));
    store.commit(commitWithOutbox("c", 0, "d", "m5", new OutboxEntry("z1", "hey")));

    Map<String, List<String>> batch = Map.of(
        "a", List.of("x1", "x3", "never-written"), "b", List.of("y1"), "nobody", List.of("q"));
    store.clearOutboxes(batch);
    store.clearOutboxes(batch);
    store.clearOutboxes(Map.of());

    assertEquals(List.of(new PendingOutbox("a", new OutboxEntry("x2", "two")),
        new PendingOutbox("c", new OutboxEntry("z1", "hey"))), store.pendingOutboxes(10));
    assertEquals(3, loaded("a").version(), "clearing outboxes leaves the session alone");
    store.clearOutboxes(Map.of("a", Set.of("x2"), "c", Set.of("z1")));
    assertEquals(List.of(), store.pendingOutboxes(10));
  }

  @Test
  void clearOutboxesTakesAThousandEntriesInOneCall() {
    Map<String, List<String>> batch = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      String key = "s" + (i % 300);
      long version = batch.getOrDefault(key, List.of()).size();
      store.commit(commitWithOutbox(key, version, "d", "m" + i, new OutboxEntry("o" + i, "p")));
      batch.computeIfAbsent(key, k -> new ArrayList<>()).add("o" + i);
    }
    store.commit(commitWithOutbox("kept", 0, "d", "last", new OutboxEntry("k1", "stays")));

    store.clearOutboxes(batch);

    assertEquals(List.of(new PendingOutbox("kept", new OutboxEntry("k1", "stays"))),
        store.pendingOutboxes(2000));
  }

  @Test
  void commitClearsTheOutboxEntriesItNames() {
    store.commit(commitWithOutbox("a", 0, "d", "m1", new OutboxEntry("x1", "hello")));
    store.commit(commitWithOutbox("a", 1, "d", "m2", new OutboxEntry("x2", "again"))
        .withClearedOutboxIds(Set.of("x1", "never-written")));

    assertEquals(
        List.of(new PendingOutbox("a", new OutboxEntry("x2", "again"))), store.pendingOutboxes(10));
    store.commit(commit("a", 2, "d", "m3").withClearedOutboxIds(Set.of("x2")));
    assertEquals(List.of(), store.pendingOutboxes(10));
  }

  @Test
  void pendingOutboxesRejectsANonPositiveLimit() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> store.pendingOutboxes(0));
    assertTrue(e.getMessage().contains("limit"), e.getMessage());
  }

  @Test
  void sessionExpiresAfterItsIdleTtl() {
    Duration ttl = expiryTtl();
    store.commit(commit("u1", 0, "long-lived", "m1"));
    store.commit(new Commit("u1", 1, "short", Optional.of(new OutboxEntry("o", "p")), "m2", ttl));
    assertTrue(store.load("u1").isPresent(), "present right after commit");

    passTime(ttl.plusMillis(1));
    awaitAbsent("u1");
    assertEquals(new Committed(1), store.commit(commit("u1", 0, "fresh", "m3")));
    assertEquals(List.of("m3"), loaded("u1").recentUpdateIds());
  }

  private void awaitAbsent(String key) {
    // Real-time stores expire on their own clock: poll with a deadline instead of sleeping.
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (store.load(key).isPresent()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("session " + key + " did not expire within 20 s");
      }
      // A short pause between polls spares the CPU; the loop still ends as soon as it expired.
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }

  @Test
  void concurrentCommitsOfOneKeyHaveExactlyOneWinnerPerVersion() throws Exception {
    int threads = 8;
    int winsEach = 25;
    List<List<Long>> wins = Concurrently.run(threads, () -> commitUntilWon("hot", winsEach));

    List<Long> allVersions = new ArrayList<>();
    wins.forEach(allVersions::addAll);
    assertEquals(threads * winsEach, allVersions.size());
    assertEquals(allVersions.size(), new HashSet<>(allVersions).size(), "one winner per version");
    StoredSession last = loaded("hot");
    assertEquals(threads * winsEach, last.version());
    assertEquals("v" + last.version(), last.data());
  }

  private List<Long> commitUntilWon(String key, int wins) {
    List<Long> won = new ArrayList<>();
    int attempt = 0;
    while (won.size() < wins) {
      long expected = store.load(key).map(StoredSession::version).orElse(0L);
      String id = Thread.currentThread().getName() + "-" + attempt++;
      CommitResult result = store.commit(commit(key, expected, "v" + (expected + 1), id));
      if (result instanceof Committed c) {
        assertEquals(expected + 1, c.version());
        won.add(c.version());
      } else if (((Conflict) result).currentVersion() == expected) {
        throw new AssertionError("conflict reported the expected version " + expected);
      }
    }
    return won;
  }
}
