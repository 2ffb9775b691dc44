package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.edited;
import static io.ttscenes.runtime.engine.TestUpdates.text;
import static io.ttscenes.runtime.engine.TestUpdates.textWithMid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.OutboxEntry;
import io.ttscenes.api.store.StoreUnavailableException;
import io.ttscenes.api.store.StoredSession;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class ReliabilityTest {
  private static final String KEY = "u:1:c:10";

  record Counter(int count) {}

  /** Every text increments the session counter and replies with it; "/three" replies three times. */
  private static Bot counterBot() {
    return Bot.builder("counter")
        .sessionData(Counter.class, () -> new Counter(0))
        .root(r -> r
            .onCommand("three", ctx -> ctx.reply("a").reply("b").reply("c"))
            .onText(ctx -> {
              int next = ctx.session(Counter.class).count() + 1;
              ctx.setSession(new Counter(next));
              ctx.reply("count " + next);
            }))
        .build();
  }

  @Test
  void conflictingCommitReRunsHandlerWithoutSendingTwice() {
    try (Harness h = new Harness(counterBot())) {
      h.handle(text(1, 10, "one"));
      h.store.beforeNextCommit(() -> {
        // Another instance handles an update of the same session first and moves the counter to 5.
        StoredSession current = h.store.inner().load(KEY).orElseThrow();
        String data = current.data().replace("\"count\":1", "\"count\":5");
        h.store.inner().commit(new Commit(KEY, current.version(), data, Optional.empty(), "other", Duration.ofDays(1)));
      });
      h.handle(text(1, 10, "two"));
      assertEquals(List.of("count 1", "count 6"), h.texts());
      assertEquals(1, h.listener.conflicts.get());
    }
  }

  @Test
  void commitThatKeepsConflictingFailsTheUpdateUnsentAndUnacked() throws Exception {
    FaultyStore store = new FaultyStore(io.ttscenes.runtime.store.InMemorySessionStore.create());
    try (Harness h = new Harness(counterBot(), store, 2)) {
      h.handle(text(1, 10, "one"));
      Runnable[] rival = new Runnable[1];
      rival[0] = () -> {
        StoredSession current = store.inner().load(KEY).orElseThrow();
        store.inner().commit(new Commit(KEY, current.version(), current.data(), Optional.empty(),
            "rival-" + current.version(), Duration.ofDays(1)));
        store.beforeNextCommit(rival[0]);
      };
      store.beforeNextCommit(rival[0]);
      CompletableFuture<Void> done = h.dispatcher.submit(text(1, 10, "two"));
      Exception error = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
          () -> done.get(10, TimeUnit.SECONDS));
      assertTrue(error.getCause() instanceof SessionConflictException, error.toString());
      assertTrue(error.getCause().getMessage().contains("conflicted 5 times"), error.getCause().getMessage());
      assertEquals(List.of("count 1"), h.texts());
    }
  }

  @Test
  void crashBetweenCommitAndSendIsResentOnceByRecovery() throws Exception {
    FaultyStore store;
    try (Harness first = new Harness(counterBot())) {
      store = first.store;
      first.api.failUnavailable("sendMessage", 1);
      first.handle(text(1, 10, "one"));
      assertEquals(List.of(), first.texts());
    }
    // The first process is gone; its outbox is still committed in the store.
    try (Harness second = new Harness(counterBot(), store, 2)) {
      assertEquals(0, second.dispatcher.recoverOutboxes().get(10, TimeUnit.SECONDS),
          "a young outbox may still be being sent by a live instance");
      second.clock.advance(Duration.ofSeconds(31));
      assertEquals(1, second.dispatcher.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(0, second.dispatcher.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of("count 1"), second.texts());
      assertEquals(List.of(), store.inner().pendingOutboxes(10));
      second.handle(text(1, 10, "two"));
      assertEquals(List.of("count 1", "count 2"), second.texts());
    }
  }

  @Test
  void unavailableApiParksTheRestOfTheOutboxAndSendsItLaterInOrderOnce() throws Exception {
    try (Harness h = new Harness(counterBot())) {
      h.api.script("sendMessage", "ok", "unavailable");
      h.handle(text(1, 10, "/three"));
      assertEquals(List.of("a"), h.texts());
      assertEquals(1, h.store.inner().pendingOutboxes(10).size());
      h.handle(text(1, 10, "next"));
      assertEquals(List.of("a", "b", "c", "count 1"), h.texts());
      assertEquals(List.of(), h.store.inner().pendingOutboxes(10));
      h.api.script("sendMessage", "unavailable");
      h.handle(text(1, 10, "/three"));
      assertEquals(1, h.dispatcher.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of("a", "b", "c", "count 1", "a", "b", "c"), h.texts());
    }
  }

  @Test
  void sentOutboxWhoseClearFailedIsClearedByRecoveryNotResent() throws Exception {
    FaultyStore store = new FaultyStore(io.ttscenes.runtime.store.InMemorySessionStore.create());
    // The store goes down right after the message went out, so clearing the outbox fails.
    RecordingBotApi api = new RecordingBotApi().afterEachCall(() -> store.down(true));
    try (Dispatcher dispatcher = Dispatcher.builder(counterBot(), store, api).parallelism(2)
        .sleeper(d -> { }).recoveryMinAge(Duration.ZERO).build()) {
      dispatcher.submit(text(1, 10, "one")).get(10, TimeUnit.SECONDS);
      store.down(false);
      assertEquals(1, store.inner().pendingOutboxes(10).size());
      assertEquals(0, dispatcher.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of(), store.inner().pendingOutboxes(10));
      assertEquals(List.of("count 1"), api.sentTexts());
    }
  }

  @Test
  void sentOutboxWhoseClearTheStoreRejectedStillAcknowledgesTheUpdateAndIsClearedLater() throws Exception {
    FaultyStore store = new FaultyStore(io.ttscenes.runtime.store.InMemorySessionStore.create());
    // The store refuses (OOM, say) right after the message went out, so clearing the outbox fails.
    RecordingBotApi api = new RecordingBotApi().afterEachCall(() -> store.rejecting(true));
    try (Dispatcher dispatcher = Dispatcher.builder(counterBot(), store, api).parallelism(2)
        .sleeper(d -> { }).recoveryMinAge(Duration.ZERO).build()) {
      // Committed and sent: failing it now would only have the update redelivered for nothing.
      dispatcher.submit(text(1, 10, "one")).get(10, TimeUnit.SECONDS);
      store.rejecting(false);
      assertEquals(0, dispatcher.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of(), store.inner().pendingOutboxes(10));
      assertEquals(List.of("count 1"), api.sentTexts());
    }
  }

  @Test
  void rejectedCallIsSkippedAndTheRestOfTheOutboxIsSent() {
    try (Harness h = new Harness(counterBot())) {
      h.api.script("sendMessage", "ok", "rejected");
      h.handle(text(1, 10, "/three"));
      assertEquals(List.of("a", "c"), h.texts());
      assertEquals(List.of("sendMessage rejected"), h.listener.failedEffects);
      assertEquals(List.of(), h.store.inner().pendingOutboxes(10));
    }
  }

  @Test
  void duplicateUpdateIsAckedWithoutRunningTheHandlerAgain() {
    try (Harness h = new Harness(counterBot())) {
      var update = textWithMid(1, 10, "mid.same", "hello");
      h.handle(update);
      h.handle(update);
      h.handle(textWithMid(1, 10, "mid.same", "hello"));
      assertEquals(List.of("count 1"), h.texts());
      assertEquals(List.of(UpdateOutcome.HANDLED, UpdateOutcome.DUPLICATE, UpdateOutcome.DUPLICATE),
          h.listener.outcomes);
    }
  }

  @Test
  void twoEditsOfOneMessageAreNotDuplicates() {
    Bot bot = Bot.builder("edits").root(r -> r.onMessageEdited(ctx -> ctx.reply("edit " + ctx.text()))).build();
    try (Harness h = new Harness(bot)) {
      h.handle(edited(1, 10, "mid.1", "first"));
      h.handle(edited(1, 10, "mid.1", "second"));
      assertEquals(List.of("edit first", "edit second"), h.texts());
    }
  }

  @Test
  void storeOutageRetriesTheUpdateUntilTheStoreIsBackAndHandlesItOnce() throws Exception {
    try (Harness h = new Harness(counterBot())) {
      h.store.down(true);
      h.onSleep(waits -> {
        if (waits == 3) {
          h.store.down(false);
        }
      });
      CompletableFuture<Void> first = h.dispatcher.submit(text(1, 10, "one"));
      CompletableFuture<Void> second = h.dispatcher.submit(text(1, 10, "two"));
      first.get(10, TimeUnit.SECONDS);
      second.get(10, TimeUnit.SECONDS);
      assertEquals(List.of("count 1", "count 2"), h.texts());
      assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800)), h.sleeps);
      assertEquals(2, h.store.commits());
    }
  }

  @Test
  void commitThatLandedDespiteAStoreErrorIsSentOnceNotReRun() {
    try (Harness h = new Harness(counterBot())) {
      h.store.landButFail(1);
      h.handle(text(1, 10, "one"));
      assertEquals(List.of("count 1"), h.texts());
      assertEquals(1, h.store.commits());
      h.handle(text(1, 10, "two"));
      assertEquals(List.of("count 1", "count 2"), h.texts());
    }
  }

  @Test
  void commitThatAnotherInstanceCompletedDuringAStoreErrorIsNotSentAgain() {
    try (Harness h = new Harness(counterBot())) {
      h.handle(text(1, 10, "one"));
      var two = text(1, 10, "two");
      String dedupeId = Router.dedupeId(two).toString();
      OutboxEntry theirs = new OutboxEntry("2:" + dedupeId,
          "{\"at\":1,\"update\":\"" + dedupeId + "\",\"calls\":[],\"owner\":\"instance-b\"}");
      h.store.beforeNextCommit(() -> {
        // TamTam's retry reached instance B, which committed (and sends) this update, while this
        // instance's commit never got through.
        StoredSession current = h.store.inner().load(KEY).orElseThrow();
        h.store.inner().commit(new Commit(KEY, current.version(), current.data().replace("\"count\":1", "\"count\":2"),
            Optional.of(theirs), dedupeId, Duration.ofDays(1)));
        throw new StoreUnavailableException("commit: connection reset before the write (test)", null);
      });

      h.handle(two);

      assertEquals(List.of("count 1"), h.texts(), "instance B answers 'two'; this one must not answer it too");
      assertEquals(Optional.of(theirs), h.store.inner().outboxEntry(KEY, theirs.id()), "B's entry is B's to send");
      h.handle(text(1, 10, "three"));
      assertEquals(List.of("count 1", "count 3"), h.texts());
    }
  }

  @Test
  void storeThatRejectsTheRecoveryWalkFailsOnlyThatPassAndTheNextPassSendsTheEntry() throws Exception {
    FaultyStore store;
    try (Harness first = new Harness(counterBot())) {
      store = first.store;
      first.api.failUnavailable("sendMessage", 1);
      first.handle(text(1, 10, "one"));
    }
    try (Harness second = new Harness(counterBot(), store, 2)) {
      second.clock.advance(Duration.ofSeconds(31));
      store.rejecting(true);
      // A pass that throws instead of failing its future kills the scheduled recovery for good.
      CompletableFuture<Integer> refused = second.dispatcher.recoverOutboxes();
      assertThrows(ExecutionException.class, () -> refused.get(10, TimeUnit.SECONDS));
      store.rejecting(false);
      assertEquals(1, second.dispatcher.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of("count 1"), second.texts());
    }
  }
}
