package io.ttscenes.storage.redis;

import static io.ttscenes.storage.redis.KillTestHttp.pause;
import static io.ttscenes.storage.redis.KillTestHttp.respond;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.UnifiedJedis;

/**
 * Long polling holds a moved marker back for up to a second, so a process killed with SIGKILL
 * after answering a few one-update pages has stored only the first page's marker. The process
 * started after it polls those pages again; dedupe must skip them: each message is answered once.
 * The kill comes after the sent replies were cleared from the store, so no reply is sent again
 * by outbox recovery (that repeat is allowed, see docs/architecture.md) and any repeat is a
 * re-read update run twice.
 *
 * <p>Whether the last page's marker is still held back at the kill depends on the machine: a
 * loaded one that takes a second per page stores it. The test reads the stored marker before the
 * kill, and a run in which it was stored (nothing would be read again) is started over on an
 * empty Redis, up to {@link #ATTEMPTS} times.
 */
final class HeldMarkerKillTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final long BASE = 7000;
  private static final List<String> TEXTS = List.of("one", "two", "three");
  private static final int ATTEMPTS = 5;
  private static final String KEYS = "tts:crashed:";

  private final List<String> replies = new CopyOnWriteArrayList<>();
  private final List<String> polls = new CopyOnWriteArrayList<>();
  private HttpServer tamtam;
  private Process bot;

  @TempDir Path stateDir;

  @AfterEach
  void stop() throws InterruptedException {
    if (bot != null) {
      bot.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (tamtam != null) {
      tamtam.stop(0);
    }
  }

  @Test
  void updatesReReadAfterAKillWithTheMarkerHeldBackAreNotAnsweredAgain() throws Exception {
    startTamTam();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (killedWithTheLastMarkerHeldBack(attempt)) {
        int firstPolls = polls.size();
        bot = CrashedBotMain.start("held-marker-second", tamtam, REDIS.url(), stateDir.resolve("attempt-" + attempt),
            30, Map.of());
        awaitUntil(() -> polls.subList(firstPolls, polls.size()).contains(marker(TEXTS.size())),
            "the restarted process polled past the three pages");

        String resumedFrom = polls.get(firstPolls);
        assertNotEquals(marker(TEXTS.size()), resumedFrom,
            "nothing was read again: the restarted process did not resume from the stored marker");
        // A reply is sent before its update is acknowledged, so any repeat was sent by now.
        assertEquals(TEXTS.stream().map(t -> "echo " + t).toList(), List.copyOf(replies),
            "re-read updates were answered again");
        return;
      }
    }
    fail("in " + ATTEMPTS + " runs the first process stored the last page's marker before the kill every time "
        + "(over a second between pages): nothing was read again, so nothing was checked");
  }

  /**
   * Runs the first process on an empty Redis until it answered the three pages, waits in its next
   * poll and has cleared its sent replies, then kills it; false (nothing to check) when it had
   * stored the last page's marker by then.
   */
  private boolean killedWithTheLastMarkerHeldBack(int attempt) throws Exception {
    try (UnifiedJedis redis = REDIS.newClient()) {
      redis.flushDB();
      replies.clear();
      polls.clear();
      bot = CrashedBotMain.start("held-marker-first-" + attempt, tamtam, REDIS.url(),
          Files.createDirectory(stateDir.resolve("attempt-" + attempt)), 30, Map.of());
      awaitUntil(() -> replies.size() == TEXTS.size() && polls.contains(marker(TEXTS.size())),
          "the first process answered the three pages and waits in its next poll");
      awaitUntil(() -> redis.keys(KEYS + "o:*").isEmpty(), "the first process cleared its sent replies");
      String stored = redis.get(KEYS + "marker");
      bot.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      if (marker(TEXTS.size()).equals(stored)) {
        System.out.printf("run %d: the first process stored the last page's marker %s before the kill; "
            + "starting over%n", attempt, stored);
        return false;
      }
      return true;
    }
  }

  private static String marker(int read) {
    return Long.toString(BASE + read);
  }

  private void startTamTam() throws IOException {
    tamtam = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tamtam.setExecutor(Executors.newCachedThreadPool());
    tamtam.createContext("/me", exchange -> respond(exchange, "{\"user_id\":7,\"name\":\"Held\","
        + "\"username\":\"heldbot\",\"is_bot\":true,\"last_activity_time\":0}"));
    tamtam.createContext("/updates", this::updates);
    tamtam.createContext("/messages", this::send);
    tamtam.start();
  }

  /** One update per page; past the last one the poll waits for its timeout, as TamTam's does. */
  private void updates(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getQuery();
    String marker = query == null ? null : param(query, "marker");
    polls.add(marker == null ? "none" : marker);
    int read = marker == null ? 0 : (int) (Long.parseLong(marker) - BASE);
    if (read >= TEXTS.size()) {
      pause(Duration.ofSeconds(Long.parseLong(param(query, "timeout"))));
      respond(exchange, "{\"updates\":[],\"marker\":" + marker + "}");
      return;
    }
    respond(exchange, "{\"updates\":[" + message(read) + "],\"marker\":" + marker(read + 1) + "}");
  }

  private static String message(int index) {
    long time = 1775000000001L + index;
    return "{\"update_type\":\"message_created\",\"timestamp\":" + time + ",\"message\":{\"sender\":"
        + "{\"user_id\":42,\"first_name\":\"Ann\",\"name\":\"Ann\",\"is_bot\":false,\"last_activity_time\":0},"
        + "\"recipient\":{\"chat_id\":42,\"chat_type\":\"dialog\",\"user_id\":42},\"timestamp\":" + time
        + ",\"body\":{\"mid\":\"mid.ann." + index + "\",\"seq\":" + index + ",\"text\":\"" + TEXTS.get(index) + "\"}}}";
  }

  private void send(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
    replies.add(body.replaceAll(".*\"text\"\\s*:\\s*\"([^\"]*)\".*", "$1"));
    respond(exchange, "{\"message\":{\"recipient\":{\"chat_id\":42,\"chat_type\":\"dialog\"},"
        + "\"timestamp\":1,\"body\":{\"mid\":\"mid.bot." + replies.size() + "\",\"seq\":1,\"text\":\"\"}}}");
  }

  private static String param(String query, String name) {
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }

  private static void awaitUntil(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!done.getAsBoolean()) {
      assertTrue(System.nanoTime() < end, "timed out waiting until " + what);
      Thread.sleep(20);
    }
  }
}
