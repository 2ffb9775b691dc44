package io.ttscenes.storage.redis;

import static io.ttscenes.storage.redis.KillTestHttp.pause;
import static io.ttscenes.storage.redis.KillTestHttp.respond;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot process killed with SIGKILL after committing an update and before its reply reached
 * TamTam answers that user within 10 s of being started again on the same machine, although the
 * dead process's poller lease (15 s) has not expired: the restarted process proves the old one
 * dead through its instance slot and takes its leases over at once.
 */
final class RestartAfterKillTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final long BASE = 5000;
  private static final String UPDATE = "{\"update_type\":\"message_created\",\"timestamp\":1775000000001,"
      + "\"message\":{\"sender\":{\"user_id\":42,\"first_name\":\"Ann\",\"name\":\"Ann\",\"is_bot\":false,"
      + "\"last_activity_time\":0},\"recipient\":{\"chat_id\":42,\"chat_type\":\"dialog\",\"user_id\":42},"
      + "\"timestamp\":1775000000001,\"body\":{\"mid\":\"mid.ann.1\",\"seq\":1,\"text\":\"hi\"}}}";

  private final List<String> replies = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstSendArrived = new CountDownLatch(1);
  private final CountDownLatch replied = new CountDownLatch(1);
  private volatile boolean answerSends;
  private HttpServer tamtam;
  private Process bot;

  @TempDir Path stateDir;

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.destroyForcibly();
    }
    if (tamtam != null) {
      tamtam.stop(0);
    }
  }

  @Test
  void aRestartedProcessAnswersWhatItsKilledPredecessorCommittedWithinTenSeconds() throws Exception {
    startTamTam();
    bot = startBot("first");
    assertTrue(firstSendArrived.await(60, TimeUnit.SECONDS), "the first process never sent its reply");
    // The reply is committed (it is sent only after its commit) and has not reached TamTam.
    bot.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    answerSends = true;

    long restart = System.nanoTime();
    bot = startBot("second");
    assertTrue(replied.await(30, TimeUnit.SECONDS), "the restarted process never answered");
    Duration took = Duration.ofNanos(System.nanoTime() - restart);
    assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "answered " + took.toMillis() + " ms after the restart");
    assertEquals("echo hi", replies.get(0));
  }

  private Process startBot(String name) throws IOException {
    return CrashedBotMain.start("restart-after-kill-" + name, tamtam, REDIS.url(), stateDir, 1, Map.of());
  }

  /** One update to deliver; sends hang until {@link #answerSends}, as a network that lost them would. */
  private void startTamTam() throws IOException {
    tamtam = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tamtam.setExecutor(Executors.newCachedThreadPool());
    tamtam.createContext("/me", exchange -> respond(exchange, "{\"user_id\":7,\"name\":\"Crash\","
        + "\"username\":\"crashbot\",\"is_bot\":true,\"last_activity_time\":0}"));
    tamtam.createContext("/updates", this::updates);
    tamtam.createContext("/messages", this::send);
    tamtam.start();
  }

  private void updates(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getQuery();
    boolean read = query != null && query.contains("marker=" + (BASE + 1));
    if (read) {
      pause(Duration.ofMillis(500));
      respond(exchange, "{\"updates\":[],\"marker\":" + (BASE + 1) + "}");
    } else {
      respond(exchange, "{\"updates\":[" + UPDATE + "],\"marker\":" + (BASE + 1) + "}");
    }
  }

  private void send(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
    if (!answerSends) {
      firstSendArrived.countDown();
      pause(Duration.ofMinutes(2));
      return;
    }
    replies.add(body.replaceAll(".*\"text\"\\s*:\\s*\"([^\"]*)\".*", "$1"));
    replied.countDown();
    respond(exchange, "{\"message\":{\"recipient\":{\"chat_id\":42,\"chat_type\":\"dialog\"},"
        + "\"timestamp\":1,\"body\":{\"mid\":\"mid.bot.1\",\"seq\":1,\"text\":\"\"}}}");
  }
}
