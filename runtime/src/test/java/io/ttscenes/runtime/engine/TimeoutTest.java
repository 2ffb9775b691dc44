package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class TimeoutTest {
  private static final String KEY = "u:1:c:10";
  private static final Duration LEASE = Duration.ofMinutes(1);

  private final Harness h = new Harness(Bot.builder("quiz")
      .scene(Scene.builder("quiz")
          .onEnter(ctx -> ctx.reply("question"))
          .timeout(Duration.ofMinutes(10), ctx -> ctx.reply("Too slow").leave())
          .onCommand("again", ctx -> ctx.reenter())
          .onText(ctx -> ctx.reply("answer " + ctx.text()).leave())
          .build())
      .root(r -> r.onCommand("quiz", ctx -> ctx.enter("quiz")).onText(ctx -> ctx.reply("root")))
      .build());
  private final TimerPoller poller = new TimerPoller(h.store, h.dispatcher, h.clock, LEASE, 10);

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void timeoutFiresAfterItsDurationAndRunsTheHandler() throws Exception {
    h.handle(text(1, 10, "/quiz"));
    assertEquals(0, poller.pollOnce());
    h.clock.advance(Duration.ofMinutes(10));
    assertEquals(1, poller.pollOnce());
    assertEquals(List.of("question", "Too slow"), h.api.awaitTexts(2));
    h.handle(text(1, 10, "late answer"));
    assertEquals("root", h.texts().get(2));
    assertEquals(List.of(), h.store.inner().claimDueTimers(h.clock.instant().plus(Duration.ofDays(1)), LEASE, 10),
        "the timer is gone once the timeout ran");
  }

  @Test
  void leavingTheSceneRemovesItsTimerInTheSameCommit() throws Exception {
    h.handle(text(1, 10, "/quiz"));
    h.handle(text(1, 10, "42"));
    h.clock.advance(Duration.ofMinutes(10));
    // The timeout is a job of the session: the commit that left the scene dropped it and its timer.
    assertEquals(0, poller.pollOnce());
    assertTrue(h.dispatcher.drain(Duration.ofSeconds(10)));
    assertEquals(List.of("question", "answer 42"), h.texts());
    assertEquals(List.of(), h.store.inner().claimDueTimers(h.clock.instant().plus(Duration.ofDays(1)), LEASE, 10),
        "no timer is left behind");
  }

  @Test
  void staleTimerOfASessionThatLeftIsDropped() throws Exception {
    h.handle(text(1, 10, "/quiz"));
    h.handle(text(1, 10, "42"));
    h.clock.advance(Duration.ofMinutes(10));
    // As if the timer had been claimed just before the session left the scene.
    h.dispatcher.submitTimer(KEY).get(10, TimeUnit.SECONDS);
    assertEquals(List.of("question", "answer 42"), h.texts());
    assertEquals(UpdateOutcome.STALE_TIMER, h.listener.outcomes.get(h.listener.outcomes.size() - 1));
  }

  @Test
  void timerWhoseDeadlineMovedIsReArmedForTheNewDeadline() throws Exception {
    Instant start = h.clock.instant();
    h.handle(text(1, 10, "/quiz"));
    h.clock.advance(Duration.ofMinutes(5));
    h.handle(text(1, 10, "/again"));
    h.clock.advance(Duration.ofMinutes(5));
    h.dispatcher.submitTimer(KEY).get(10, TimeUnit.SECONDS);
    assertEquals(List.of("question", "question"), h.texts());
    assertEquals(List.of(), h.store.inner().claimDueTimers(start.plus(Duration.ofMinutes(14)), LEASE, 10));
    h.clock.advance(Duration.ofMinutes(5));
    assertEquals(1, poller.pollOnce());
    assertEquals(List.of("question", "question", "Too slow"), h.api.awaitTexts(3));
  }

  @Test
  void timeoutRunsOnceEvenIfTheTimerFiresTwice() throws Exception {
    h.handle(text(1, 10, "/quiz"));
    h.clock.advance(Duration.ofMinutes(10));
    h.dispatcher.submitTimer(KEY).get(10, TimeUnit.SECONDS);
    h.dispatcher.submitTimer(KEY).get(10, TimeUnit.SECONDS);
    assertEquals(List.of("question", "Too slow"), h.texts());
  }

  @Test
  void timerPollerOutlivesAStoreThatRejectsTheClaimAndFiresOnceItAccepts() throws Exception {
    h.handle(text(1, 10, "/quiz"));
    h.clock.advance(Duration.ofMinutes(10));
    h.store.rejecting(true);
    // Run by a scheduler: a poll that throws is never run again, and no timeout would ever fire.
    assertEquals(0, poller.pollOnce());
    h.store.rejecting(false);
    assertEquals(1, poller.pollOnce());
    assertEquals(List.of("question", "Too slow"), h.api.awaitTexts(2));
  }
}
