package io.ttscenes.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.api.model.ChatType;
import io.ttscenes.api.model.Message;
import io.ttscenes.api.model.MessageBody;
import io.ttscenes.api.model.MessageCreatedUpdate;
import io.ttscenes.api.model.Recipient;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.model.User;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.storage.redis.RedisConfig;
import io.ttscenes.storage.redis.RedisSessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two bot instances on one real redis-server; instance A has the near cache on. */
final class NearCacheTimerTest {
  private static final long USER = 7;
  private static final Duration LEASE = Duration.ofMinutes(1);

  private final List<String> replies = new CopyOnWriteArrayList<>();
  private final MovableClock clock = new MovableClock(Instant.ofEpochSecond(1_700_000_000L));

  @Test
  void timerFiredOnAnInstanceWithAStaleNearCacheStillRunsTheTimeout() throws Exception {
    Bot bot = Bot.builder("quiz")
        .scene(Scene.builder("quiz")
            .onEnter(ctx -> ctx.reply("question"))
            .timeout(Duration.ofMinutes(10), ctx -> ctx.reply("Too slow").leave())
            .build())
        .root(r -> r.onCommand("quiz", ctx -> ctx.enter("quiz")).onText(ctx -> ctx.reply("root")))
        .build();
    try (LocalRedis redis = LocalRedis.start();
        RedisSessionStore cachedStore = store(redis, true);
        RedisSessionStore plainStore = store(redis, false);
        Dispatcher a = dispatcher(bot, cachedStore);
        Dispatcher b = dispatcher(bot, plainStore)) {
      a.submit(text("hello", 1)).get(30, TimeUnit.SECONDS);   // A commits v1 and caches it
      b.submit(text("/quiz", 2)).get(30, TimeUnit.SECONDS);   // webhook lands on B: timed scene, v2
      assertEquals(List.of("root", "question"), replies);

      clock.advance(Duration.ofMinutes(10));
      List<String> due = cachedStore.claimDueTimers(clock.instant(), LEASE, 10);
      assertEquals(1, due.size());
      a.submitTimer(due.get(0)).get(30, TimeUnit.SECONDS);  // A's timer poller claimed it

      List<String> left = plainStore.claimDueTimers(clock.instant().plus(Duration.ofDays(1)), LEASE, 10);
      assertEquals(List.of("root", "question", "Too slow"), replies,
          "the session was in the timed scene when its timer came due; timers left in Redis: " + left);
    }
  }

  private static RedisSessionStore store(LocalRedis redis, boolean nearCache) {
    return RedisSessionStore.create(RedisConfig.fromUrl(redis.url()).newBuilder().nearCache(nearCache).build());
  }

  private Dispatcher dispatcher(Bot bot, RedisSessionStore store) {
    return Dispatcher.builder(bot, store, new NoOpBotApi((chat, text) -> replies.add(text)))
        .clock(clock).build();
  }

  private Update text(String text, long seq) {
    User user = new User(USER, "User", null, false, 0);
    Recipient dialog = new Recipient(USER, ChatType.DIALOG, USER);
    long ts = clock.millis();
    return new MessageCreatedUpdate(ts, new Message(user, dialog, ts, null,
        new MessageBody("mid.review." + seq, seq, text, null, null), null, null, null), "en");
  }

  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
