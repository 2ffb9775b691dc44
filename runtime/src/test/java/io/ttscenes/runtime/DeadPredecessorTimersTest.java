package io.ttscenes.runtime;

import static io.ttscenes.runtime.fake.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.fake.FakeTamTam;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that proves its predecessor on this machine dead (its instance slot) fires the timers
 * that predecessor had claimed at once, not when the claims' lease ends. The clocks stand still,
 * so the claim can never run out during the test: only the take-over can make the job fire.
 */
final class DeadPredecessorTimersTest {
  private static final Instant T0 = Instant.parse("2026-12-06T01:00:00Z");
  private static final Duration DELAY = Duration.ofSeconds(30);
  private static final String KEY = "u:1:c:1";

  private final InMemorySessionStore store = InMemorySessionStore.create();
  private final Bot bot = Bot.builder("take-over").root(r -> r
      .onCommand("remind", ctx -> ctx.schedule("nudge", DELAY, null))
      .onScheduled("nudge", ctx -> ctx.reply("nudge"))).build();
  @TempDir Path stateDir;
  private FakeTamTam tamtam;

  @AfterEach
  void stop() {
    if (tamtam != null) {
      tamtam.close();
    }
    store.close();
  }

  @Test
  void aRestartFiresTheJobItsDeadPredecessorHadClaimedWithoutWaitingOutTheClaim() throws Exception {
    tamtam = FakeTamTam.start();
    try (BotRuntime first = runtime(T0)) {
      first.start();
      tamtam.push(message(1, "/remind"));
      awaitSession(KEY);
    }
    // The first instance claimed the job's timer when it came due, and died before firing it.
    Instant due = T0.plus(DELAY);
    assertEquals(List.of(KEY), store.claimDueTimers(due, BotRuntime.TIMER_LEASE, 10));

    try (BotRuntime second = runtime(due.plusSeconds(1))) {
      second.start();

      assertEquals(List.of("nudge"), tamtam.awaitTexts(1), "the claimed job fired after the take-over");
    }
  }

  private void awaitSession(String key) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (store.load(key).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the first instance never committed session " + key);
      }
      Thread.sleep(10);
    }
  }

  /** A runtime on the shared store and state directory whose clock stands at {@code now}. */
  private BotRuntime runtime(Instant now) {
    RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_API_URL", tamtam.url(),
        "TTSCENES_POLL_TIMEOUT_SECONDS", "1", "TTSCENES_STATE_DIR", stateDir.toString(),
        "TTSCENES_TIMER_PERIOD_MS", "50"));
    return BotRuntime.builder(bot, config).store(store, false).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
  }
}
