package io.ttscenes.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The dead-letter half of the contract: letters kept with their error and payload, bounded by
 * count and age, listed oldest first and taken once; see {@link SessionStoreContract}.
 */
public abstract class DeadLetterContract extends StoreContractBase {
  private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");

  private static DeadLetter letter(String id, Instant at) {
    return new DeadLetter(id, at, DeadLetter.Kind.UPDATE, "", "failed 10 times", "{\"update_type\":\"x\"}");
  }

  @Test
  void deadLettersAreKeptWithTheirErrorAndPayloadAndListedOldestFirst() {
    DeadLetter reply = new DeadLetter("r1", T0.plusSeconds(5), DeadLetter.Kind.REPLY, "u:{1}%",
        "sendMessage: 503\nafter 20 attempts", "{\"text\":\"Привет 👋\\n\",\"a\":\"b:c\"}");
    DeadLetter update = letter("u1", T0);
    store.addDeadLetter(reply);
    store.addDeadLetter(update);

    assertEquals(List.of(update, reply), store.deadLetters(10));
    assertEquals(List.of(update), store.deadLetters(1));
  }

  @Test
  void aDeadLetterIsTakenOnceAndThenIsGone() {
    store.addDeadLetter(letter("u1", T0));
    store.addDeadLetter(letter("u2", T0));

    assertEquals(Optional.of(letter("u1", T0)), store.takeDeadLetter("u1"));
    assertEquals(Optional.empty(), store.takeDeadLetter("u1"));
    assertEquals(Optional.empty(), store.takeDeadLetter("never"));
    assertEquals(List.of(letter("u2", T0)), store.deadLetters(10));
  }

  @Test
  void aDeadLetterAddedAgainWithItsIdLeavesTheFirstAsItWas() {
    assertTrue(store.addDeadLetter(letter("u1", T0)));
    DeadLetter again = new DeadLetter("u1", T0.plusSeconds(1), DeadLetter.Kind.UNREADABLE, "", "bad", "{");

    assertFalse(store.addDeadLetter(again), "a second letter for the same update is not kept");
    assertEquals(List.of(letter("u1", T0)), store.deadLetters(10));
  }

  @Test
  void ofConcurrentAddsOfOneLetterExactlyOneKeepsIt() throws Exception {
    int writers = 8;
    CyclicBarrier start = new CyclicBarrier(writers);
    ExecutorService threads = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Boolean>> kept = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        DeadLetter mine = new DeadLetter("same-update", T0.plusMillis(i), DeadLetter.Kind.UNREADABLE, "",
            "writer " + i, "{");
        kept.add(threads.submit(() -> {
          start.await();
          return store.addDeadLetter(mine);
        }));
      }
      int keepers = 0;
      for (Future<Boolean> one : kept) {
        keepers += one.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertEquals(1, keepers);
      assertEquals(1, store.deadLetters(10).size());
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aTakenDeadLetterMayBeAddedAgain() {
    store.addDeadLetter(letter("u1", T0));
    store.takeDeadLetter("u1");

    assertTrue(store.addDeadLetter(letter("u1", T0)), "a replay that failed keeps its letter again");
    assertEquals(List.of(letter("u1", T0)), store.deadLetters(10));
  }

  @Test
  void theOldestDeadLettersBeyondTheCountKeptAreDropped() {
    IntStream.range(0, SessionStore.DEAD_LETTERS_KEPT + 2)
        .forEach(i -> store.addDeadLetter(letter("u" + i, T0.plusMillis(i))));

    List<DeadLetter> kept = store.deadLetters(SessionStore.DEAD_LETTERS_KEPT + 10);
    assertEquals(SessionStore.DEAD_LETTERS_KEPT, kept.size());
    assertEquals("u2", kept.get(0).id());
  }

  @Test
  void deadLettersOlderThanTheAgeKeptBeforeTheNewestAreDropped() {
    store.addDeadLetter(letter("old", T0));
    store.addDeadLetter(letter("edge", T0.plusSeconds(1)));
    store.addDeadLetter(letter("new", T0.plus(SessionStore.DEAD_LETTER_AGE).plusSeconds(1)));

    assertEquals(List.of("edge", "new"), store.deadLetters(10).stream().map(DeadLetter::id).toList());
  }

  @Test
  void listingDeadLettersNeedsAPositiveLimit() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.deadLetters(0));
    assertTrue(e.getMessage().startsWith("limit is 0"), e.getMessage());
  }
}
