package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.Scene;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class ScheduledJobsTest {
  private static final String KEY = "u:1:c:10";
  private static final Duration LEASE = Duration.ofMinutes(1);
  /** Where the harness's fake clock starts. */
  private static final long START_MS = 1_700_000_000_000L;

  record Nudge(String step) {}

  /** A class Jackson cannot write: its only property throws. */
  static final class Unwritable {
    public String getValue() {
      throw new IllegalStateException("not today");
    }
  }

  private final Harness h = new Harness(Bot.builder("funnel")
      .scene(Scene.builder("quiz")
          .idleTimeout(Duration.ofMinutes(10), ctx -> ctx.reply("idle").leave())
          .onCommand("boom", ctx -> {
            throw new IllegalStateException("boom");
          })
          .onText(ctx -> ctx.reply("still here"))
          .build())
      .root(r -> r
          .onCommand("remind", ctx -> ctx.schedule("nudge", Duration.ofHours(1), new Nudge("step 2")).reply("ok"))
          .onCommand("oldnudge", ctx -> ctx.schedule("nudge", Duration.ofMinutes(1), List.of(1, 2)))
          .onCommand("far", ctx -> ctx.schedule("nudge", Instant.MAX, null))
          .onCommand("forever", ctx -> ctx.schedule("nudge", Duration.ofSeconds(Long.MAX_VALUE), null))
          .onCommand("later", ctx -> ctx.schedule("nudge", Duration.ofHours(2), new Nudge("moved")))
          .onCommand("forget", ctx -> ctx.cancel("nudge"))
          .onCommand("three", ctx -> ctx.schedule("a", Duration.ofMinutes(10), "a")
              .schedule("b", Duration.ofMinutes(5), "b").schedule("c", Duration.ofMinutes(20), "c"))
          .onCommand("past", ctx -> ctx.schedule("nudge", ctx.now().minusSeconds(3600), new Nudge("past")))
          .onCommand("fill", ctx -> IntStream.range(0, Context.MAX_SCHEDULED_JOBS)
              .forEach(i -> ctx.schedule("j" + i, Duration.ofMinutes(1), null)))
          .onCommand("one", ctx -> ctx.schedule("extra", Duration.ofMinutes(1), null).reply("scheduled"))
          .onCommand("bad", ctx -> ctx.schedule("nudge", Duration.ofMinutes(1), new Unwritable()).reply("scheduled"))
          .onCommand("orphan", ctx -> ctx.schedule("orphan", Duration.ofMinutes(1), null))
          .onCommand("quiz", ctx -> ctx.enter("quiz"))
          .onText(ctx -> ctx.reply("root " + ctx.text()))
          .onScheduled("nudge", ctx -> ctx.reply("nudge " + ctx.jobPayload(Nudge.class).step()))
          .onScheduled("a", ctx -> ctx.reply("job " + ctx.jobPayload(String.class)))
          .onScheduled("b", ctx -> ctx.reply("job " + ctx.jobPayload(String.class)))
          .onScheduled("c", ctx -> ctx.reply("job " + ctx.jobPayload(String.class))))
      .global(g -> IntStream.range(0, Context.MAX_SCHEDULED_JOBS)
          .forEach(i -> g.onScheduled("j" + i, ctx -> ctx.reply("j"))))
      .onException(RuntimeException.class, (ctx, e) -> ctx.reply("error: " + e.getMessage()))
      .build());

  @AfterEach
  void close() {
    h.close();
  }

  /**
   * Claims the due timers as {@link TimerPoller} does and waits for each to be handled, until
   * none is due; returns how many claims there were (one claim fires every job due by then).
   */
  private int fireDue() throws Exception {
    int fired = 0;
    for (int round = 0; round < 100; round++) {
      Instant now = h.clock.instant();
      List<String> keys = h.store.claimDueTimers(now, LEASE, 100);
      if (keys.isEmpty()) {
        return fired;
      }
      for (String key : keys) {
        h.dispatcher.submitTimer(key, now.plus(LEASE)).get(10, TimeUnit.SECONDS);
      }
      fired += keys.size();
    }
    throw new AssertionError("timers kept coming due");
  }

  @Test
  void aJobFiresOnceAtItsTimeWithItsPayload() throws Exception {
    h.handle(text(1, 10, "/remind"));
    h.clock.advance(Duration.ofMinutes(59));
    assertEquals(0, fireDue());
    h.clock.advance(Duration.ofMinutes(1));
    assertEquals(1, fireDue());
    h.dispatcher.submitTimer(KEY).get(10, TimeUnit.SECONDS);
    h.clock.advance(Duration.ofDays(1));
    assertEquals(0, fireDue());
    assertEquals(List.of("ok", "nudge step 2"), h.texts());
  }

  @Test
  void aFiredJobWhoseTimerTheStoreRefusesToSettleIsStillSentOnceAndAcknowledged() throws Exception {
    h.handle(text(1, 10, "/remind"));
    h.clock.advance(Duration.ofHours(1));
    h.store.rejectTimerSettles(true);
    Instant now = h.clock.instant();
    List<String> keys = h.store.claimDueTimers(now, LEASE, 10);

    h.dispatcher.submitTimer(keys.get(0), now.plus(LEASE)).get(10, TimeUnit.SECONDS);

    assertEquals(List.of("ok", "nudge step 2"), h.texts(), "the job's commit won: its reply goes out");
    h.store.rejectTimerSettles(false);
    h.clock.advance(LEASE.plus(Duration.ofDays(1)));
    assertTrue(fireDue() <= 1, "at most the unsettled claim comes due again, and finds nothing due");
    assertEquals(0, fireDue());
    assertEquals(List.of("ok", "nudge step 2"), h.texts(), "nothing sent twice");
  }

  @Test
  void aTimerWokenBeforeItsJobIsDueFiresNothingAndIsSetBackToTheJobsTime() throws Exception {
    h.handle(text(1, 10, "/remind"));
    h.clock.advance(Duration.ofMinutes(59).plusSeconds(30));
    Instant restart = h.clock.instant();
    assertEquals(1, h.store.wakeTimersDueBy(restart.plus(LEASE), restart), "a take-over wakes it 30 s early");

    assertEquals(1, fireDue(), "claimed once, and it found nothing due");
    assertEquals(List.of("ok"), h.texts(), "nothing fired early");
    h.clock.advance(Duration.ofSeconds(29));
    assertEquals(0, fireDue(), "the timer is back at the job's time");
    h.clock.advance(Duration.ofSeconds(1));
    assertEquals(1, fireDue());
    assertEquals(List.of("ok", "nudge step 2"), h.texts(), "the job fired once, at its time");
  }

  @Test
  void reschedulingANameReplacesItAndCancellingRemovesIt() throws Exception {
    h.handle(text(1, 10, "/remind"));
    h.handle(text(1, 10, "/later"));
    h.clock.advance(Duration.ofHours(1));
    assertEquals(0, fireDue(), "the first time was replaced");
    h.clock.advance(Duration.ofHours(1));
    assertEquals(1, fireDue());
    h.handle(text(1, 10, "/remind"));
    h.handle(text(1, 10, "/forget"));
    h.clock.advance(Duration.ofDays(1));
    assertEquals(0, fireDue());
    assertEquals(List.of("ok", "nudge moved", "ok"), h.texts());
  }

  @Test
  void severalJobsOfOneSessionEachFireOnceEarliestFirst() throws Exception {
    h.handle(text(1, 10, "/three"));
    h.clock.advance(Duration.ofHours(1));
    assertEquals(1, fireDue(), "all three are due: one claim fires them");
    assertEquals(List.of("job b", "job a", "job c"), h.texts());
  }

  @Test
  void aTimeInThePastFiresAtOnce() throws Exception {
    h.handle(text(1, 10, "/past"));
    assertEquals(1, fireDue());
    assertEquals(List.of("nudge past"), h.texts());
  }

  @Test
  void aJobOverTheLimitFailsInItsHandlerAndTheSessionGoesOn() throws Exception {
    h.handle(text(1, 10, "/fill"));
    h.handle(text(1, 10, "/one"));
    h.handle(text(1, 10, "hello"));
    assertEquals(List.of("error: session " + KEY + " has 32 scheduled jobs already, the most it may have; job"
        + " 'extra' was not scheduled", "root hello"), h.texts());
    h.clock.advance(Duration.ofMinutes(1));
    assertEquals(1, fireDue(), "all are due: one claim fires them");
    assertEquals(2 + Context.MAX_SCHEDULED_JOBS, h.texts().size());
  }

  @Test
  void aPayloadJacksonCannotWriteFailsAtTheScheduleCallAndNothingOfItIsKept() throws Exception {
    h.handle(text(1, 10, "/bad"));
    h.handle(text(1, 10, "hello"));
    assertTrue(h.texts().get(0).startsWith("error: the payload of job 'nudge' (a "
        + Unwritable.class.getName() + ") cannot be written as JSON"), h.texts().get(0));
    assertEquals("root hello", h.texts().get(1));
    h.clock.advance(Duration.ofDays(1));
    assertEquals(0, fireDue());
  }

  @Test
  void aJobNoHandlerTakesIsCountedUnmatchedAndDroppedForGood() throws Exception {
    h.handle(text(1, 10, "/orphan"));
    h.clock.advance(Duration.ofMinutes(1));
    assertEquals(1, fireDue());
    assertEquals(UpdateOutcome.UNMATCHED, h.listener.outcomes.get(h.listener.outcomes.size() - 1));
    h.clock.advance(Duration.ofDays(1));
    assertEquals(0, fireDue());
    h.handle(text(1, 10, "hello"));
    assertEquals(List.of("root hello"), h.texts());
  }

  @Test
  void anIdleTimeoutCountsFromTheLastUpdate() throws Exception {
    h.handle(text(1, 10, "/quiz"));
    h.clock.advance(Duration.ofMinutes(8));
    h.handle(text(1, 10, "thinking"));
    h.clock.advance(Duration.ofMinutes(4));
    assertEquals(0, fireDue(), "12 minutes after entering, but 4 after the last update");
    h.clock.advance(Duration.ofMinutes(6));
    assertEquals(1, fireDue());
    assertEquals(List.of("still here", "idle"), h.texts());
  }

  @Test
  void anUpdateWhoseHandlerThrowsStillRestartsTheIdleTimeout() throws Exception {
    h.handle(text(1, 10, "/quiz"));
    h.clock.advance(Duration.ofMinutes(8));
    h.handle(text(1, 10, "/boom"));
    h.clock.advance(Duration.ofMinutes(4));
    assertEquals(0, fireDue(), "12 minutes after entering, but 4 after the update whose handler threw");
    h.clock.advance(Duration.ofMinutes(6));
    assertEquals(1, fireDue());
    assertEquals(List.of("error: boom", "idle"), h.texts());
  }

  @Test
  void jobsAlreadyDueWhenOneFiresRunFromTheSameClaimNotOnePerPoll() throws Exception {
    h.handle(text(1, 10, "/fill"));
    h.clock.advance(Duration.ofMinutes(1));
    Instant now = h.clock.instant();
    assertEquals(List.of(KEY), h.store.claimDueTimers(now, LEASE, 100));
    h.dispatcher.submitTimer(KEY, now.plus(LEASE)).get(10, TimeUnit.SECONDS);
    assertEquals(Context.MAX_SCHEDULED_JOBS, h.texts().size(), "every due job ran from the one claim");
    assertEquals(List.of(), h.store.claimDueTimers(now, LEASE, 100), "and left no timer behind");
  }

  @Test
  void aSessionWithoutJobsKeepsNoTimerHoweverFarAhead() throws Exception {
    h.handle(text(1, 10, "hello"));
    h.handle(text(2, 20, "/remind"));
    h.handle(text(2, 20, "/forget"));
    h.handle(text(3, 30, "/past"));
    assertEquals(1, fireDue());
    assertEquals(List.of("root hello", "ok", "nudge past"), h.texts());

    Instant now = h.clock.instant();
    assertEquals(0, h.store.wakeTimersDueBy(Instant.ofEpochMilli(Long.MAX_VALUE), now),
        "never scheduled, cancelled, fired: none of the three sessions has a timer");
  }

  @Test
  void aJobDueAfterTheSessionTtlKeepsTheSessionUntilItFires() throws Exception {
    Harness[] shortLived = new Harness[1];
    // The store's clock is the harness's fake clock, so advancing it expires idle sessions.
    InMemorySessionStore store = InMemorySessionStore.builder()
        .ticker(() -> shortLived[0] == null ? 0 : (shortLived[0].clock.millis() - START_MS) * 1_000_000L)
        .build();
    shortLived[0] = new Harness(Bot.builder("short-lived").sessionTtl(Duration.ofHours(1))
        .root(r -> r.onCommand("remind", ctx -> ctx.schedule("nudge", Duration.ofDays(2), "two days"))
            .onScheduled("nudge", ctx -> ctx.reply("nudge " + ctx.jobPayload(String.class))))
        .build(), new FaultyStore(store), 4);
    try (Harness two = shortLived[0]) {
      two.handle(text(1, 10, "/remind"));
      two.clock.advance(Duration.ofDays(2));
      Instant now = two.clock.instant();
      assertEquals(List.of(KEY), two.store.claimDueTimers(now, LEASE, 100));
      two.dispatcher.submitTimer(KEY, now.plus(LEASE)).get(10, TimeUnit.SECONDS);
      assertEquals(List.of("nudge two days"), two.texts());
      two.clock.advance(Duration.ofMinutes(61));
      assertTrue(two.store.load(KEY).isEmpty(), "an hour idle after its last job, the session expires");
    }
  }

  @Test
  void aPayloadThatNoLongerFitsItsTypeGoesToTheExceptionHandlerAndTheJobIsGone() throws Exception {
    // As a payload stored by an older release whose type has changed since.
    h.handle(text(1, 10, "/oldnudge"));
    h.clock.advance(Duration.ofMinutes(1));
    assertEquals(1, fireDue());
    assertTrue(h.texts().get(0).startsWith("error: the payload of job 'nudge' does not fit "
        + Nudge.class.getName()), h.texts().get(0));
    assertEquals(UpdateOutcome.HANDLER_FAILED, h.listener.outcomes.get(h.listener.outcomes.size() - 1));
    h.clock.advance(Duration.ofDays(1));
    assertEquals(0, fireDue(), "the job was consumed with the failed run");
    h.handle(text(1, 10, "hello"));
    assertEquals("root hello", h.texts().get(1));
  }

  @Test
  void aDueTimeBeyondWhatCanBeStoredIsAClearErrorInTheHandler() throws Exception {
    h.handle(text(1, 10, "/far"));
    h.handle(text(1, 10, "/forever"));
    h.handle(text(1, 10, "hello"));
    assertEquals(3, h.texts().size(), h.texts().toString());
    for (String error : h.texts().subList(0, 2)) {
      assertTrue(error.startsWith("error: job 'nudge' would come due at ") && error.endsWith(
          "; it must come due by " + Instant.ofEpochMilli(Long.MAX_VALUE)), error);
    }
    assertEquals("root hello", h.texts().get(2));
  }
}
