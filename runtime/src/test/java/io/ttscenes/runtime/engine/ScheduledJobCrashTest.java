package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.testing.FakeClock;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A job claimed by an instance that dies before handling it: the claim's lease runs out, another
 * instance fires the job, and the dead instance's firing, should it still happen, changes nothing.
 */
final class ScheduledJobCrashTest {
  private static final String KEY = "u:1:c:10";
  private static final Duration LEASE = Duration.ofMinutes(1);

  private static Bot reminders() {
    return Bot.builder("reminders")
        .sessionData(Integer.class, () -> 0)
        .root(r -> r
            .onCommand("remind", ctx -> ctx.schedule("nudge", Duration.ofMinutes(10), null).reply("ok"))
            .onScheduled("nudge", ctx -> ctx.setSession(ctx.session(Integer.class) + 1)
                .reply("nudge " + (ctx.session(Integer.class)))))
        .build();
  }

  @Test
  void aJobWhoseClaimerDiedFiresOnceOnAnotherInstanceAfterTheLease() throws Exception {
    FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
    InMemorySessionStore shared = InMemorySessionStore.create();
    RecordingBotApi api = new RecordingBotApi();
    try (Dispatcher a = Dispatcher.builder(reminders(), shared, api).clock(clock).build();
        Dispatcher b = Dispatcher.builder(reminders(), shared, api).clock(clock).build()) {
      a.submit(text(1, 10, "/remind")).get(10, TimeUnit.SECONDS);
      clock.advance(Duration.ofMinutes(10));
      Instant claimedAt = clock.instant();
      // Instance A claims the timer and dies before its lane runs the job.
      assertEquals(List.of(KEY), shared.claimDueTimers(claimedAt, LEASE, 10));
      TimerPoller pollerB = new TimerPoller(shared, b, clock, LEASE, 10);
      assertEquals(0, pollerB.pollOnce(), "the claim hides the timer from B");

      clock.advance(LEASE);
      assertEquals(List.of(KEY), shared.claimDueTimers(clock.instant(), LEASE, 10));
      b.submitTimer(KEY, clock.instant().plus(LEASE)).get(10, TimeUnit.SECONDS);
      // A's old firing arrives after all (a paused, not a dead, process).
      a.submitTimer(KEY, claimedAt.plus(LEASE)).get(10, TimeUnit.SECONDS);

      assertEquals(List.of("ok", "nudge 1"), api.sentTexts());
      clock.advance(Duration.ofDays(1));
      assertEquals(List.of(), shared.claimDueTimers(clock.instant(), LEASE, 10), "no timer is left");
    }
  }
}
