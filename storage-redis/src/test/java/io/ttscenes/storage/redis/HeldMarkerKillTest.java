package io.ttscenes.storage.redis;

import static io.ttscenes.storage.redis.KillTestHttp.pause;
import static io.ttscenes.storage.redis.KillTestHttp.respond;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long polling holds a moved marker back for up to a second, so a process killed with SIGKILL
 * after answering a few one-update pages has stored only the first page's marker. The process
 * started after it polls those pages again; dedupe must skip them: each message is answered once.
 * The kill comes after the sent replies were cleared from the store, so no reply is sent again
 * by outbox recovery (that repeat is allowed, see docs/architecture.md) and any repeat is a
 * re-read update run twice.
 */
final class HeldMarkerKillTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final long BASE = 7000;
  private static final List<String> TEXTS = List.of("one", "two", "three");
  /** The clear delay (2 s) plus the clearing pass's period (1 s) plus a second of slack. */
  private static final Duration CLEAR_WINDOW = Duration.ofSeconds(4);

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
    bot = CrashedBotMain.start("held-marker-first", tamtam, REDIS.url(), stateDir, 30, Map.of());
    awaitUntil(() -> replies.size() == TEXTS.size() && polls.contains(marker(TEXTS.size())),
        "the first process answered the three pages and waits in its next poll");
    Thread.sleep(CLEAR_WINDOW.toMillis());
    bot.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    int firstPolls = polls.size();

    bot = CrashedBotMain.start("held-marker-second", tamtam, REDIS.url(), stateDir, 30, Map.of());
    awaitUntil(() -> polls.subList(firstPolls, polls.size()).contains(marker(TEXTS.size())),
        "the restarted process polled past the three pages");

    String resumedFrom = polls.get(firstPolls);
    assertNotEquals(marker(TEXTS.size()), resumedFrom,
        "nothing was read again: the killed process had stored the last page's marker");
    // A reply is sent before its update is acknowledged, so any repeat was sent by now.
    assertEquals(TEXTS.stream().map(t -> "echo " + t).toList(), List.copyOf(replies),
        "re-read updates were answered again");
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
