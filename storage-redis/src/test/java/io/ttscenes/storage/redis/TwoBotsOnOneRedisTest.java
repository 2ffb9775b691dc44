package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

/** Two bots that would share one Redis's keys (one name) cannot both run: the second refuses to start. */
final class TwoBotsOnOneRedisTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();

  private static RuntimeConfig config(Emulator emulator, String botName) {
    return RuntimeConfig.from(Map.of("TAMTAM_API_URL", emulator.baseUrl(), "TAMTAM_TOKEN", emulator.token(),
        "REDIS_URL", REDIS.url(), "TTSCENES_BOT_NAME", botName, "TTSCENES_POLL_TIMEOUT_SECONDS", "1",
        "TTSCENES_REDIS_UNSAFE_OK", "true"));
  }

  private static Bot echo(String name) {
    return Bot.builder(name).root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();
  }

  @Test
  void aBotRefusesToStartOnKeysAnotherBotClaimedAndTheOwnerRestartsFine() throws Exception {
    try (UnifiedJedis redis = REDIS.newClient(); Emulator emulator = Emulator.start(0)) {
      // Another bot (another id from GET /me) already runs under the default name's prefix.
      redis.set("tts:shared-name:lease:bot-identity", "bot:424242");

      BotRuntime intruder = BotRuntime.create(echo("shared-name"), config(emulator, "shared-name"));
      IllegalStateException e = assertThrows(IllegalStateException.class, intruder::start);
      assertTrue(e.getMessage().contains("its store keys are claimed by another bot"), e.getMessage());
      assertTrue(e.getMessage().contains("TTSCENES_BOT_NAME"), e.getMessage());
      assertEquals("bot:424242", redis.get("tts:shared-name:lease:bot-identity"), "the owner's claim stays");

      for (int run = 1; run <= 2; run++) {
        try (BotRuntime own = BotRuntime.create(echo("own-name"), config(emulator, "own-name"))) {
          own.start();
          EmulatedUser user = emulator.user("user-" + run);
          user.sendText("hi");
          assertEquals("echo hi", user.awaitMessage(Duration.ofSeconds(20)).text());
        }
      }
      assertTrue(redis.get("tts:own-name:lease:bot-identity").startsWith("bot:"), "claimed by its id");
    }
  }
}
