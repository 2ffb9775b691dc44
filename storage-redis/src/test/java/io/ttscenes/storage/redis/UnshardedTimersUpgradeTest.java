package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.api.testing.FakeClock;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.testkit.Emulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

/**
 * A deployment upgraded mid-flight: a session written by a release before scheduled jobs (its
 * scene timeout as the session's {@code deadline}, no wake in the hash) whose timer sits in the
 * unsharded {@code P timers} key. The new release fires it once and leaves no timer behind in any
 * key, also when the timeout handler schedules a job (which then lives in the session's shard).
 */
final class UnshardedTimersUpgradeTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();

  private static final String KEY = "u:1:c:10";
  private static final Duration LEASE = Duration.ofMinutes(1);

  private final FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
  private final Instant deadline = clock.instant().plusSeconds(600);
  private final AtomicInteger timeouts = new AtomicInteger();
  private final AtomicInteger followUps = new AtomicInteger();
  private final RedisConfig config = RedisConfig.fromUrl(REDIS.url()).newBuilder()
      .botName("upgrade-" + System.nanoTime()).build();
  private final RedisKeys keys = new RedisKeys(config.keyPrefix());
  private final Emulator emulator = Emulator.start(0);
  private final RedisSessionStore store = RedisSessionStore.create(config);
  private final UnifiedJedis admin = REDIS.newClient();
  private Dispatcher dispatcher;

  private void start(boolean scheduleFollowUp) {
    Bot bot = Bot.builder("upgrade")
        .scene(Scene.builder("quiz").timeout(Duration.ofMinutes(10), ctx -> {
          timeouts.incrementAndGet();
          if (scheduleFollowUp) {
            ctx.schedule("follow-up", Duration.ofMinutes(5), null);
          }
          ctx.leave();
        }).build())
        .root(r -> r.onScheduled("follow-up", ctx -> followUps.incrementAndGet()))
        .build();
    OkHttpBotApi api = OkHttpBotApi.builder(emulator.token()).baseUrl(emulator.baseUrl()).build();
    dispatcher = Dispatcher.builder(bot, store, api).clock(clock).build();
    // As the earlier release left it: the deadline in the session JSON, the timer in `P timers`.
    admin.hset(keys.session(KEY), java.util.Map.of("v", "3", "d",
        "{\"scene\":\"quiz\",\"data\":\"INSTANCE\",\"deadline\":" + deadline.toEpochMilli() + ",\"user\":1,\"chat\":10}", "u", "mid.1"));
    admin.zadd(keys.unshardedTimers(), deadline.toEpochMilli(), KEY);
  }

  @AfterEach
  void close() {
    dispatcher.close();
    store.close();
    admin.close();
    emulator.close();
  }

  /** Claims what is due now, as the poller does, and waits for each firing; returns the claims. */
  private int fireDue() throws Exception {
    Instant now = clock.instant();
    List<String> claimed = store.claimDueTimers(now, LEASE, 100);
    for (String key : claimed) {
      dispatcher.submitTimer(key, now.plus(LEASE)).get(10, TimeUnit.SECONDS);
    }
    return claimed.size();
  }

  private boolean anyTimerLeft() {
    return keys.allTimers().stream().anyMatch(timers -> admin.zscore(timers, KEY) != null);
  }

  @Test
  void aTimeoutLeftInTheUnshardedKeyFiresOnceAndLeavesNoTimer() throws Exception {
    start(false);
    clock.advance(Duration.ofMinutes(9));
    assertEquals(0, fireDue());
    clock.advance(Duration.ofMinutes(1));
    assertEquals(1, fireDue());
    assertEquals(1, timeouts.get());
    assertFalse(anyTimerLeft());
    assertFalse(admin.hget(keys.session(KEY), "d").contains("quiz"), "the timeout handler left the scene");
    clock.advance(Duration.ofDays(1));
    assertEquals(0, fireDue());
    assertEquals(1, timeouts.get());
  }

  @Test
  void aJobScheduledByTheUpgradedTimeoutMovesToTheShardAndFiresOnce() throws Exception {
    start(true);
    clock.advance(Duration.ofMinutes(10));
    assertEquals(1, fireDue());
    assertNull(admin.zscore(keys.unshardedTimers(), KEY), "the unsharded timer was settled");
    assertEquals(deadline.plus(Duration.ofMinutes(5)).toEpochMilli(),
        admin.zscore(keys.timers(KEY), KEY).longValue(), "the follow-up's timer is in the shard");
    clock.advance(Duration.ofMinutes(5));
    assertEquals(1, fireDue());
    assertEquals(List.of(1, 1), List.of(timeouts.get(), followUps.get()));
    assertTrue(admin.hget(keys.session(KEY), "w") == null, "no job left, no wake");
    assertFalse(anyTimerLeft());
  }
}
