package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

/** A Redis whose settings can lose sessions stops the bot at start unless explicitly allowed. */
final class RedisServerSafetyTest {
  // Its own server, started without persistence; the tests change its settings.
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.ownBinary();
  private final UnifiedJedis admin = REDIS.newClient();

  @AfterEach
  void restore() {
    admin.configSet("maxmemory-policy", "noeviction");
    admin.configSet("appendonly", "no");
    admin.close();
  }

  private RedisSessionStore store(boolean allowUnsafe) {
    return RedisSessionStore.create(RedisConfig.fromUrl(REDIS.url()).newBuilder().allowUnsafeServer(allowUnsafe).build());
  }

  @Test
  void aServerWithoutPersistenceIsRefusedNamingTheFixAndTheAllowance() {
    try (RedisSessionStore store = store(false)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, store::checkServer);

      assertTrue(e.getMessage().startsWith("redis at " + REDIS.url() + " can lose sessions: persistence is off"),
          e.getMessage());
      assertTrue(e.getMessage().contains("TTSCENES_REDIS_UNSAFE_OK=true"), e.getMessage());
    }
  }

  @Test
  void anEvictionPolicyThatCanEvictSessionKeysIsRefused() {
    admin.configSet("appendonly", "yes");
    for (String policy : new String[] {"allkeys-lru", "volatile-ttl"}) {
      admin.configSet("maxmemory-policy", policy);
      try (RedisSessionStore store = store(false)) {
        IllegalStateException e = assertThrows(IllegalStateException.class, store::checkServer);
        assertTrue(e.getMessage().contains("maxmemory-policy is " + policy), e.getMessage());
      }
    }
  }

  @Test
  void aPersistentNoEvictionServerPassesAndAnUnsafeOneIsLetThroughWhenAllowed() {
    try (RedisSessionStore store = store(true)) {
      assertEquals(store, store.checkServer(), "allowed: a warning, not a refusal");
    }
    admin.configSet("appendonly", "yes");
    try (RedisSessionStore store = store(false)) {
      assertEquals(store, store.checkServer());
    }
  }

  @Test
  void aBotConfiguredByRedisUrlRefusesToStartOnAnUnsafeServerUnlessAllowed() {
    Bot bot = Bot.builder("safety").root(r -> r.onText(ctx -> ctx.reply("x"))).build();
    Map<String, String> env = Map.of("TAMTAM_API_URL", "http://127.0.0.1:9", "REDIS_URL", REDIS.url());

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> BotRuntime.create(bot, RuntimeConfig.from(env)));
    assertTrue(e.getMessage().contains("persistence is off"), e.getMessage());

    Map<String, String> allowed = new java.util.HashMap<>(env);
    allowed.put("TTSCENES_REDIS_UNSAFE_OK", "true");
    BotRuntime.create(bot, RuntimeConfig.from(allowed)).close();
  }
}
