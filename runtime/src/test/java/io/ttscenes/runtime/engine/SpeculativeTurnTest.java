package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.groupText;
import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ttscenes.api.Bot;
import io.ttscenes.api.SessionKeys;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.store.ChatKeys;
import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.StoredSession;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An update whose session the store cannot answer from memory runs first on the guess that the
 * session is new; a wrong guess is refused with the session, and the turn runs again on it
 * without anything of the guessed run being sent or counted as a conflict.
 */
final class SpeculativeTurnTest {
  private static final String KEY = "u:1:c:10";

  record Counter(int count) {}

  record Board(int answers) {}

  private static Bot counterBot(boolean withChatData) {
    Bot.Builder builder = Bot.builder("counter").sessionData(Counter.class, () -> new Counter(0));
    if (withChatData) {
      builder.chatData(Board.class, () -> new Board(0));
    }
    return builder.root(r -> r
        .onCommand("remind", ctx -> ctx.schedule("nudge", Duration.ofHours(1), null).reply("ok"))
        .onScheduled("nudge", ctx -> ctx.reply("nudge at " + ctx.session(Counter.class).count()))
        .onText(ctx -> {
          int next = ctx.session(Counter.class).count() + 1;
          ctx.setSession(new Counter(next)).reply("count " + next);
        })).build();
  }

  @Test
  void aNewUserIsAnsweredWithOneCommitPerUpdateAndNoRead() {
    GuessingStore store = new GuessingStore(InMemorySessionStore.create());
    try (Harness h = new Harness(counterBot(false), new FaultyStore(store), 2)) {
      h.handle(text(1, 10, "one"));
      h.handle(text(1, 10, "two"));
      h.handle(text(1, 10, "three"));

      assertEquals(List.of("count 1", "count 2", "count 3"), h.texts());
      assertEquals(0, store.reads.get(), "neither the guess nor the later near-cache hits read the store");
      assertEquals(3, store.commits.get());
      assertEquals(List.of(KEY), store.guessed);
      assertEquals(List.of(true), h.listener.speculations);
    }
  }

  @Test
  void aReturningUserAfterARestartIsAnsweredOnceWithTheirRealData() {
    GuessingStore store = new GuessingStore(InMemorySessionStore.create());
    try (Harness before = new Harness(counterBot(false), new FaultyStore(store), 2)) {
      before.handle(text(1, 10, "one"));
      before.handle(text(1, 10, "two"));
    }
    store.restart();
    try (Harness after = new Harness(counterBot(false), new FaultyStore(store), 2)) {
      int commitsBefore = store.commits.get();
      after.handle(text(1, 10, "three"));

      assertEquals(List.of("count 3"), after.texts(), "the guessed run's 'count 1' was never sent");
      assertEquals(2, store.commits.get() - commitsBefore, "the refused guess, then the real commit");
      assertEquals(0, store.reads.get(), "the refusal carried the session: no read");
      assertEquals(List.of(false), after.listener.speculations);
      assertEquals(0, after.listener.conflicts.get(), "a missed guess is not a commit conflict");
      assertEquals(List.of(UpdateOutcome.HANDLED), after.listener.outcomes);
    }
  }

  @Test
  void aRedeliveredUpdateOfAnExistingSessionIsStillADuplicateAfterTheRefusal() {
    GuessingStore store = new GuessingStore(InMemorySessionStore.create());
    Update two = text(1, 10, "two");
    try (Harness before = new Harness(counterBot(false), new FaultyStore(store), 2)) {
      before.handle(text(1, 10, "one"));
      before.handle(two);
    }
    store.restart();
    try (Harness after = new Harness(counterBot(false), new FaultyStore(store), 2)) {
      // The old process committed 'two' but died before acking it: the poll delivers it again.
      after.handle(two);

      assertEquals(List.of(), after.texts());
      assertEquals(List.of(UpdateOutcome.DUPLICATE), after.listener.outcomes);
      assertEquals(List.of(false), after.listener.speculations);
    }
  }

  @Test
  void aMissedGuessNeitherUsesUpTheCommitAttemptsNorCountsAsAConflictInTheMeters() {
    GuessingStore store = new GuessingStore(InMemorySessionStore.create());
    try (Harness before = new Harness(counterBot(false), new FaultyStore(store), 2)) {
      before.handle(text(1, 10, "one"));
    }
    store.restart();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Harness after = new Harness(counterBot(false), new FaultyStore(store), 2, 1024,
        b -> b.maxCommitAttempts(1).listener(new MicrometerRuntimeListener(registry, "counter")))) {
      after.handle(text(1, 10, "two"));
      after.handle(text(2, 20, "hello"));

      assertEquals(List.of("count 2", "count 1"), after.texts());
      assertEquals(1.0, registry.get("ttscenes.session.speculation").tags("outcome", "miss").counter().count());
      assertEquals(1.0, registry.get("ttscenes.session.speculation").tags("outcome", "hit").counter().count());
      assertTrue(registry.find("ttscenes.commit.conflicts").counters().isEmpty(), "no conflict counted");
    }
  }

  @Test
  void aRealConflictAfterAMissedGuessStillRunsOnTheWinnersSession() {
    GuessingStore store = new GuessingStore(InMemorySessionStore.create());
    FaultyStore faulty = new FaultyStore(store);
    try (Harness before = new Harness(counterBot(false), faulty, 2)) {
      before.handle(text(1, 10, "one"));
    }
    store.restart();
    try (Harness after = new Harness(counterBot(false), faulty, 2)) {
      // The guessed commit is refused as usual; right before the re-run's commit, another
      // instance writes the session (unchanged data, a new version), so that commit conflicts.
      faulty.beforeNextCommit(() -> faulty.beforeNextCommit(() -> {
        StoredSession current = store.inner().loadLatest(KEY).orElseThrow();
        store.inner().commit(new Commit(KEY, current.version(), current.data(), Optional.empty(), "other:1",
            Duration.ofHours(1)));
      }));
      after.handle(text(1, 10, "two"));

      assertEquals(List.of("count 2"), after.texts());
      assertEquals(List.of(false), after.listener.speculations);
      assertEquals(1, after.listener.conflicts.get(), "only the real race counts as a conflict");
      assertTrue(store.inner().loadLatest(KEY).orElseThrow().hasSeen("other:1"));
    }
  }

  @Test
  void aGuessedCommitThatLandedButReportedAFailureIsFoundByAReadAndSentOnce() {
    GuessingStore store = new GuessingStore(InMemorySessionStore.create());
    FaultyStore faulty = new FaultyStore(store);
    try (Harness h = new Harness(counterBot(false), faulty, 2)) {
      faulty.landButFail(1);
      h.handle(text(1, 10, "one"));

      assertEquals(List.of("count 1"), h.texts(), "answered once, from the commit that landed");
      assertEquals(List.of(KEY), store.guessed, "the retry read the store instead of guessing again");
      assertEquals(1, store.inner().loadLatest(KEY).orElseThrow().version());
    }
  }

  @Test
  void timerJobsReadTheSessionRatherThanGuess() throws Exception {
    GuessingStore store = new GuessingStore(InMemorySessionStore.create());
    try (Harness h = new Harness(counterBot(false), new FaultyStore(store), 2)) {
      h.handle(text(1, 10, "one"));
      h.handle(text(1, 10, "/remind"));
      store.restart();
      h.clock.advance(Duration.ofHours(1));
      Instant now = h.clock.instant();
      List<String> due = store.claimDueTimers(now, Duration.ofMinutes(1), 10);
      assertEquals(List.of(KEY), due);
      int reads = store.reads.get();
      h.dispatcher.submitTimer(KEY, now.plus(Duration.ofMinutes(1))).get(10, TimeUnit.SECONDS);

      assertEquals(List.of("count 1", "ok", "nudge at 1"), h.texts());
      assertEquals(List.of(KEY), store.guessed, "only the first update guessed");
      assertTrue(store.reads.get() > reads, "the timer read the session");
    }
  }

  @Test
  void aChatSessionWithChatDataRunsAgainOnTheRealSessionAndTheLatestChatData() {
    Bot bot = Bot.builder("board").sessionKey(SessionKeys.CHAT)
        .sessionData(Counter.class, () -> new Counter(0)).chatData(Board.class, () -> new Board(0))
        .root(r -> r.onText(ctx -> {
          int next = ctx.session(Counter.class).count() + 1;
          int answers = ctx.chatData(Board.class).answers() + 1;
          ctx.setSession(new Counter(next)).setChatData(new Board(answers)).reply("count " + next + " board " + answers);
        })).build();
    GuessingStore store = new GuessingStore(InMemorySessionStore.create());
    try (Harness before = new Harness(bot, new FaultyStore(store), 2)) {
      before.handle(groupText(1, -10, "one"));
    }
    store.restart();
    try (Harness after = new Harness(bot, new FaultyStore(store), 2)) {
      after.handle(groupText(2, -10, "two"));

      assertEquals(List.of("count 2 board 2"), after.texts(), "the guessed run's 'count 1 board 2' was not sent");
      assertEquals(List.of("c:-10", "c:-10"), store.guessed, "the first update of each process guessed");
      assertEquals(List.of(false), after.listener.speculations);
      assertEquals(2, store.inner().loadChatData("c:-10").orElseThrow().version(), "the chat data written once more");
    }
  }

  @Test
  void aMemberKeyThatMayHaveALegacySessionIsReadAndAdoptedNotGuessed() {
    GuessingStore store = new GuessingStore(InMemorySessionStore.create());
    Update two = text(1, 10, "two");
    try (Harness before = new Harness(counterBot(false), new FaultyStore(store), 2)) {
      before.handle(text(1, 10, "one"));
      before.handle(two);
    }
    store.restart();
    try (Harness after = new Harness(counterBot(true), new FaultyStore(store), 2)) {
      after.handle(two);
      after.handle(text(1, 10, "three"));

      assertEquals(List.of("count 3"), after.texts(), "'two' was answered before the deploy");
      assertEquals(List.of(KEY), store.guessed, "the chat-scoped member key was never guessed");
      assertTrue(store.inner().load(ChatKeys.member(10, 1)).isPresent(), "moved to the chat-scoped key");
    }
  }
}
