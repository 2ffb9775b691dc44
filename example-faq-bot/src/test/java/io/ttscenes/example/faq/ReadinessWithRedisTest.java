package io.ttscenes.example.faq;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import io.ttscenes.runtime.admin.AdminSettings;
import io.ttscenes.storage.redis.RedisConfig;
import io.ttscenes.storage.redis.RedisSessionStore;
import io.ttscenes.testkit.Emulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Readiness follows the store: a real redis-server stopped and started again on its port. */
final class ReadinessWithRedisTest {
  private static final long WAIT_MS = 30_000;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void notReadyWhileRedisIsDownAndReadyAgainWhenItReturns() throws Exception {
    Path dir = Files.createTempDirectory("readiness-redis");
    RedisProcess redis = RedisProcess.startPersistent(RedisProcess.freePort(), dir);
    int port = redis.port();
    try (Emulator emulator = Emulator.start(0)) {
      RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_API_URL", emulator.baseUrl(),
          "TTSCENES_BOT_NAME", "faq-bot", "TTSCENES_POLL_TIMEOUT_SECONDS", "1"));
      BotRuntime runtime = BotRuntime.builder(FaqBot.create(), config)
          .store(RedisSessionStore.create(RedisConfig.fromUrl(redis.url())), true)
          .admin(AdminSettings.on("127.0.0.1", 0)).build();
      runtime.start();
      try {
        String ready = runtime.adminUrl().orElseThrow() + "/health/ready";
        awaitReadiness(ready, r -> r.statusCode() == 200, "ready with Redis up");
        redis.close();
        HttpResponse<String> down = awaitReadiness(ready, r -> r.statusCode() == 503, "unready with Redis down");
        assertTrue(down.body().contains("\"store\":{\"status\":\"DOWN\""), down.body());
        assertTrue(down.body().contains("\"ingress\":{\"status\":\"UP\""), down.body());
        redis = RedisProcess.startPersistent(port, dir);
        awaitReadiness(ready, r -> r.statusCode() == 200, "ready again once Redis is back");
      } finally {
        runtime.close();
      }
    } finally {
      redis.close();
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** Asks until the answer passes {@code wanted}; each ask waits for the endpoint's own checks. */
  private HttpResponse<String> awaitReadiness(String url, Predicate<HttpResponse<String>> wanted, String what)
      throws IOException, InterruptedException {
    long end = System.currentTimeMillis() + WAIT_MS;
    HttpResponse<String> last;
    do {
      last = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
      if (wanted.test(last)) {
        return last;
      }
      Thread.sleep(100);
    } while (System.currentTimeMillis() < end);
    throw new AssertionError("not " + what + " within " + WAIT_MS + " ms; last answer " + last.statusCode()
        + " " + last.body());
  }
}
