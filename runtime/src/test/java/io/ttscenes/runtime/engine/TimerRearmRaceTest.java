package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.api.testing.FakeClock;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one store: a timer one instance armed must survive whatever the other does
 * with its older view of the session's timer.
 */
final class TimerRearmRaceTest {
  private static final Duration LEASE = Duration.ofMinutes(1);

  private static Bot quiz() {
    return Bot.builder("quiz")
        .scene(Scene.builder("quiz")
            .onEnter(ctx -> ctx.reply("question"))
            .timeout(Duration.ofMinutes(10), ctx -> ctx.reply("Too slow").leave())
            .onText(ctx -> ctx.reply("answer " + ctx.text()).leave())
            .build())
        .root(r -> r.onCommand("quiz", ctx -> ctx.enter("quiz")).onText(ctx -> ctx.reply("root")))
        .build();
  }

  @Test
  void leaveOnOneInstanceDoesNotCancelTheTimerAnotherInstanceArmedRightAfterItsCommit() throws Exception {
    FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
    InMemorySessionStore shared = InMemorySessionStore.create();
    HookedStore storeA = new HookedStore(shared);
    RecordingBotApi api = new RecordingBotApi();
    try (Dispatcher a = Dispatcher.builder(quiz(), storeA, api).clock(clock).build();
        Dispatcher b = Dispatcher.builder(quiz(), shared, api).clock(clock).build()) {
      a.submit(text(1, 10, "/quiz")).get(10, TimeUnit.SECONDS);
      // Instance A commits "leave"; before it does anything else, the user's next update (a
      // webhook delivery landing on instance B) enters the timed scene again, with the same
      // deadline to the millisecond.
      storeA.afterNextCommit(() -> submitAndWait(b, "/quiz"));
      a.submit(text(1, 10, "42")).get(10, TimeUnit.SECONDS);
      assertEquals(List.of("question", "question", "answer 42"), api.sentTexts());

      clock.advance(Duration.ofMinutes(10));
      TimerPoller poller = new TimerPoller(shared, b, clock, LEASE, 10);
      assertEquals(1, poller.pollOnce(), "the session is in the timed scene, so its timer must be due");
      assertEquals(List.of("question", "question", "answer 42", "Too slow"), api.awaitTexts(4));
    }
  }

  @Test
  void staleClaimOnOneInstanceDoesNotMoveTheTimerAnotherInstanceArmedMeanwhile() throws Exception {
    FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
    InMemorySessionStore shared = InMemorySessionStore.create();
    RecordingBotApi api = new RecordingBotApi();
    try (Dispatcher a = Dispatcher.builder(quiz(), shared, api).clock(clock).build();
        Dispatcher b = Dispatcher.builder(quiz(), shared, api).clock(clock).build()) {
      a.submit(text(1, 10, "/quiz")).get(10, TimeUnit.SECONDS);
      clock.advance(Duration.ofMinutes(10));
      // A's poller claims the due timer; before A's lane handles it, the user answers and enters
      // the timed scene again on B, whose commits move the timer to the new deadline.
      assertEquals(List.of("u:1:c:10"), shared.claimDueTimers(clock.instant(), LEASE, 10));
      submitAndWait(b, "42");
      submitAndWait(b, "/quiz");
      a.submitTimer("u:1:c:10", clock.instant().plus(LEASE)).get(10, TimeUnit.SECONDS);
      assertEquals(List.of("question", "answer 42", "question"), api.sentTexts(), "A's claim found nothing due");

      clock.advance(Duration.ofMinutes(10));
      TimerPoller pollerB = new TimerPoller(shared, b, clock, LEASE, 10);
      assertEquals(1, pollerB.pollOnce(), "B's timer must still be there, at its own deadline");
      assertEquals(List.of("question", "answer 42", "question", "Too slow"), api.awaitTexts(4));
    }
  }

  private static void submitAndWait(Dispatcher dispatcher, String text) {
    try {
      dispatcher.submit(text(1, 10, text)).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
