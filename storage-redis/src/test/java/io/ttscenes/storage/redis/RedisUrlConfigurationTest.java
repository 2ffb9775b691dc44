package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import io.ttscenes.api.Bot;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.BotSettings;
import io.ttscenes.runtime.RuntimeConfig;
import io.ttscenes.runtime.RuntimeModule;
import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code REDIS_URL} alone puts a bot's sessions in Redis: the runtime finds storage-redis's
 * {@link RedisSessionStoreProvider} through ServiceLoader, with {@code BotRuntime.create} and
 * with the Guice module, without naming the store in code.
 */
final class RedisUrlConfigurationTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final Duration WAIT = Duration.ofSeconds(20);

  record Visits(int count) {}

  @Test
  void botRuntimeCreateKeepsSessionsInTheRedisThatRedisUrlNames() throws Exception {
    try (Emulator emulator = Emulator.start(0)) {
      RuntimeConfig config = config(emulator, "url-bot");
      try (BotRuntime runtime = BotRuntime.create(counter("url-bot"), config)) {
        runtime.start();
        EmulatedUser alice = emulator.user("alice");
        alice.sendText("hi");
        assertEquals("visit 1", alice.awaitMessage(WAIT).text());
      }
      // A second runtime on the same Redis continues the count: the session was not in memory.
      try (BotRuntime runtime = BotRuntime.create(counter("url-bot"), config)) {
        runtime.start();
        EmulatedUser alice = emulator.users().get(0);
        alice.sendText("again");
        assertEquals("visit 2", alice.awaitMessage(WAIT).text());
      }
    }
    assertTrue(sessionKeys("tts:url-bot:s:*") >= 1, "the session lives under the bot's prefix");
  }

  @Test
  void theGuiceModuleAloneAlsoFindsTheRedisStore() throws Exception {
    try (Emulator emulator = Emulator.start(0)) {
      RuntimeConfig config = config(emulator, "guice-url-bot");
      BotRuntime runtime = Guice.createInjector(new RuntimeModule(config), binder ->
          RuntimeModule.settings(binder).addBinding().toInstance(counterSettings()))
          .getInstance(BotRuntime.class);
      try (runtime) {
        runtime.start();
        EmulatedUser bob = emulator.user("bob");
        bob.sendText("hi");
        assertEquals("visit 1", bob.awaitMessage(WAIT).text());
      }
    }
    assertTrue(sessionKeys("tts:guice-url-bot:s:*") >= 1, "the module's runtime wrote to Redis");
  }

  private static RuntimeConfig config(Emulator emulator, String botName) {
    return RuntimeConfig.from(Map.of("TAMTAM_API_URL", emulator.baseUrl(),
        "TAMTAM_TOKEN", emulator.token(), "REDIS_URL", REDIS.url(),
        "TTSCENES_BOT_NAME", botName, "TTSCENES_POLL_TIMEOUT_SECONDS", "1",
        // The test Redis runs without persistence.
        "TTSCENES_REDIS_UNSAFE_OK", "true"));
  }

  private static Bot counter(String name) {
    Bot.Builder builder = Bot.builder(name);
    counterSettings().configure(builder);
    return builder.build();
  }

  private static BotSettings counterSettings() {
    return builder -> builder.sessionData(Visits.class, () -> new Visits(0))
        .root(root -> root.onText(ctx -> {
          Visits next = new Visits(ctx.session(Visits.class).count() + 1);
          ctx.setSession(next).reply("visit " + next.count());
        }));
  }

  private static long sessionKeys(String pattern) {
    try (UnifiedJedis redis = REDIS.newClient()) {
      Set<String> keys = redis.keys(pattern);
      return keys.size();
    }
  }
}
