package io.ttscenes.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The framework-free floor probe runs the whole survey against the real fake Bot API and a real
 * redis-server, with one Redis round trip per update, and keeps the answers in Redis.
 */
final class FloorBotEndToEndTest {
  private static final int USERS = 30;

  @Test
  void everyUserFinishesWithOneRedisRoundTripPerUpdate() throws Exception {
    try (LocalRedis redis = LocalRedis.start(); FakeBotApi api = FakeBotApi.start(USERS, 0)) {
      try (FloorBot bot = FloorBot.start(Map.of("TAMTAM_API_URL", api.url(), "TAMTAM_TOKEN", "t",
          "REDIS_URL", redis.url()))) {
        // A safety net only.
        boolean finished = api.awaitFinished(60, TimeUnit.SECONDS);
        Figures figures = api.figures();

        assertTrue(finished, "not every user finished: " + figures.line());
        assertEquals(0, figures.errors(), figures.line());
        assertEquals(USERS * 4, figures.updates(), figures.line());
        assertEquals(0, figures.unexpected(), figures.line());
      }
      try (Jedis jedis = new Jedis(URI.create(redis.url()))) {
        String stats = jedis.info("commandstats");
        assertEquals(USERS * 4, calls(stats, "evalsha"), stats);
        assertEquals(Map.of("scene", "", "promo", "promo42", "q1", "yes", "answer", "my answer"),
            jedis.hgetAll("floor:" + SurveyUpdates.MEASURED.idOf(7)));
      }
    }
  }

  @Test
  void missingSettingIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FloorBot.start(Map.of("TAMTAM_API_URL", "http://127.0.0.1:1", "TAMTAM_TOKEN", "t")));
    assertTrue(e.getMessage().startsWith("REDIS_URL is not set"), e.getMessage());
  }

  private static long calls(String commandstats, String command) {
    for (String line : commandstats.split("\r\n")) {
      if (line.startsWith("cmdstat_" + command + ":calls=")) {
        return Long.parseLong(line.substring(line.indexOf('=') + 1, line.indexOf(',')));
      }
    }
    return 0;
  }
}
