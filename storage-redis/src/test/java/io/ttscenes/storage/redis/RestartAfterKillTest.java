package io.ttscenes.storage.redis;

import static io.ttscenes.storage.redis.KillTestHttp.pause;
import static io.ttscenes.storage.redis.KillTestHttp.respond;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import redis.clients.jedis.UnifiedJedis;

/**
 * A bot process killed with SIGKILL after committing an update and before its reply reached
 * TamTam answers that user when started again on the same machine before the dead process's
 * poller and instance leases run out: the restarted process proves the old one dead through its
 * instance slot and takes its leases over at once. A restart that waited for the leases instead
 * could not poll, nor send the dead process's committed reply, before they expired.
 */
final class RestartAfterKillTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final long BASE = 5000;
  /**
   * Both processes' poller and instance lease TTL (15 s by default): far beyond the restart's own
   * time under load (a JVM start and a poll took 10-14 s at a load average of 15-20), so answering
   * before the dead process's leases end tells a take-over from a wait on any machine.
   */
  private static final Duration LEASE = Duration.ofSeconds(90);
  private static final String LEASES = "tts:crashed:lease:";
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
  void aRestartedProcessAnswersWhatItsKilledPredecessorCommittedBeforeThePredecessorsLeasesEnd() throws Exception {
    startTamTam();
    bot = startBot("first");
    assertTrue(firstSendArrived.await(60, TimeUnit.SECONDS), "the first process never sent its reply");
    // The reply is committed (it is sent only after its commit) and has not reached TamTam.
    bot.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    long leasesEnd = deadProcessLeasesEnd();
    answerSends = true;

    bot = startBot("second");
    assertTrue(replied.await(leasesEnd - System.nanoTime(), TimeUnit.NANOSECONDS),
        "the restarted process did not answer before the dead process's leases ended (" + LEASE.toSeconds()
        + " s TTL): it waited for them instead of taking them over");
    assertEquals("echo hi", replies.get(0));
  }

  /** When the first of the killed process's poller and instance leases would expire, on nanoTime. */
  private long deadProcessLeasesEnd() {
    try (UnifiedJedis redis = REDIS.newClient()) {
      String dead = redis.get(LEASES + "poller");
      assertNotNull(dead, "the killed process held no poller lease");
      long left = Math.min(redis.pttl(LEASES + "poller"), redis.pttl(LEASES + "instance:" + dead));
      assertTrue(left > 0, "a lease of the killed process had already ended: " + left + " ms");
      return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(left);
    }
  }

  private Process startBot(String name) throws IOException {
    return CrashedBotMain.start("restart-after-kill-" + name, tamtam, REDIS.url(), stateDir, 1,
        Map.of("TTSCENES_POLLER_LEASE_SECONDS", Long.toString(LEASE.toSeconds())));
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
