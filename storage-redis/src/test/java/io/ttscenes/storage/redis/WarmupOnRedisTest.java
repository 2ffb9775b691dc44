package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.warmup.Warmup;
import io.ttscenes.runtime.warmup.WarmupSettings;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

/**
 * The warm-up over a real Redis: it reads the bot's store on several connections and rehearses
 * the bot's handlers, and the database holds exactly the keys it held before.
 */
final class WarmupOnRedisTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();

  @Test
  void aWarmUpRehearsingTheBotsHandlersLeavesRedisKeysAsTheyWere() {
    AtomicInteger handled = new AtomicInteger();
    Bot bot = Bot.builder("warm-redis")
        .root(root -> root.onText(ctx -> {
          handled.incrementAndGet();
          ctx.reply("echo " + ctx.text());
        }))
        .build();
    try (UnifiedJedis jedis = REDIS.newClient();
        RedisSessionStore store = RedisSessionStore.create(
            RedisConfig.fromUrl(REDIS.url()).newBuilder().botName("warm-redis").nearCache(true).build())) {
      jedis.set("someone-elses-key", "kept");
      long before = jedis.dbSize();

      Warmup.Result result = new Warmup(new WarmupSettings(Duration.ofSeconds(30), true), bot, store, 4).run();

      assertTrue(result.updates() > 0 && handled.get() > 0, "the handlers were rehearsed: " + result);
      assertTrue(result.storeReads() > 0, "the real store was read: " + result);
      assertEquals(before, jedis.dbSize(), "no key was written");
      assertEquals("kept", jedis.get("someone-elses-key"));
    }
  }
}
