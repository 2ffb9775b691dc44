package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.micrometer.core.instrument.Counter;
import io.ttscenes.api.store.DeadLetter;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import io.ttscenes.runtime.admin.AdminSettings;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.engine.RuntimeListener;
import io.ttscenes.runtime.ingress.WebhookIngress;
import io.ttscenes.testkit.BotMessage;
import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A webhook bot on Redis with its admin endpoint: a body that is no update is kept as a dead letter
 * and its content stays out of the log; kept letters are listed and replayed once over HTTP.
 */
final class DeadLettersEndToEndTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final AtomicInteger BOTS = new AtomicInteger();
  private static final String SECRET = "a-secret-of-at-least-22-characters";
  private static final String PHONE = "+79001234567";

  private final String botName = "dead-letter-bot-" + BOTS.incrementAndGet();
  private final HttpClient http = HttpClient.newHttpClient();
  private Emulator emulator;
  private EmulatedUser user;
  private RedisSessionStore store;
  private BotRuntime runtime;

  @BeforeEach
  void start() {
    emulator = Emulator.start(0);
    user = emulator.user("alice");
    store = RedisSessionStore.create(RedisConfig.fromUrl(REDIS.url()).newBuilder().botName(botName).build());
    RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_API_URL", emulator.baseUrl(),
        "TAMTAM_TOKEN", emulator.token(), "TTSCENES_BOT_NAME", botName,
        "WEBHOOK_URL", "https://bot.example.com/hook", "WEBHOOK_PORT", "0", "WEBHOOK_SECRET", SECRET,
        "TTSCENES_SHUTDOWN_TIMEOUT_SECONDS", "5"));
    Bot echo = Bot.builder(botName).root(root -> root.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();
    runtime = BotRuntime.builder(echo, config).store(store, false)
        .api(OkHttpBotApi.builder(emulator.token()).baseUrl(emulator.baseUrl()).build())
        .admin(AdminSettings.on("127.0.0.1", 0)).build();
    runtime.start();
  }

  @AfterEach
  void close() {
    runtime.close();
    store.close();
    emulator.close();
  }

  @Test
  void aBodyThatIsNoUpdateIsKeptAsADeadLetterAndItsContentStaysOutOfTheLog() throws Exception {
    String body = "{\"update_type\":\"message_created\",\"message\":{\"body\":{\"text\":\"call me " + PHONE + "\"";
    String log = stderrDuring(() -> assertEquals(400, post(webhook(), body, Map.of()).statusCode()));

    assertFalse(log.contains(PHONE), "the log holds the user's text: " + log);
    assertTrue(log.contains("dead-lettered"), log);
    List<DeadLetter> kept = store.deadLetters(10);
    assertEquals(1, kept.size());
    assertEquals(DeadLetter.Kind.UNREADABLE, kept.get(0).kind());
    assertEquals(body, kept.get(0).payload());
    assertTrue(kept.get(0).error().startsWith("malformed update JSON"), kept.get(0).error());

    HttpResponse<String> listed = get("/dead-letters");
    assertEquals(200, listed.statusCode());
    assertTrue(listed.body().contains(kept.get(0).id()) && listed.body().contains("UNREADABLE"), listed.body());
    HttpResponse<String> refused = post(admin("/dead-letters/replay?id=" + kept.get(0).id()), "", Map.of());
    assertEquals(409, refused.statusCode(), refused.body());
    assertEquals(kept, store.deadLetters(10), "a letter that cannot be replayed stays kept");
  }

  @Test
  void anUnreadableUpdateReadByTwoInstancesIsKeptAndCountedOnce() throws Exception {
    String body = "{\"update_type\":\"message_created\",\"timestamp\":17,\"message\":{\"body\":42}}";
    AtomicInteger countedByOther = new AtomicInteger();
    RuntimeListener counting = new RuntimeListener() {
      @Override
      public void updateDeadLettered(String updateType) {
        countedByOther.incrementAndGet();
      }
    };
    Bot same = Bot.builder(botName).root(root -> root.onText(ctx -> ctx.reply("x"))).build();
    try (RedisSessionStore otherStore = RedisSessionStore.create(
            RedisConfig.fromUrl(REDIS.url()).newBuilder().botName(botName).build())) {
      OkHttpBotApi otherApi = OkHttpBotApi.builder(emulator.token()).baseUrl(emulator.baseUrl()).build();
      Dispatcher other = Dispatcher.builder(same, otherStore, otherApi).listener(counting).build();
      try {
        // The old poller and the new one after a lease change both read the page with this update.
        CompletableFuture<Void> first = CompletableFuture.runAsync(
            () -> runtime.dispatcher().deadLetteredBody("message_created", body, "malformed message"));
        CompletableFuture<Void> second = CompletableFuture.runAsync(
            () -> other.deadLetteredBody("message_created", body, "malformed message"));
        CompletableFuture.allOf(first, second).get(30, TimeUnit.SECONDS);
      } finally {
        other.close();
      }
    }

    List<DeadLetter> kept = store.deadLetters(10);
    assertEquals(1, kept.size(), kept.toString());
    assertEquals(body, kept.get(0).payload());
    double countedHere = runtime.meterRegistry().find("ttscenes.updates.dead_lettered").counters().stream()
        .mapToDouble(Counter::count).sum();
    assertEquals(1, countedHere + countedByOther.get(), "one update, one count across the two instances");
  }

  @Test
  void aKeptUpdateIsReplayedOnceThroughTheAdminEndpoint() throws Exception {
    DeadLetter letter = new DeadLetter("letter-1", Instant.now(), DeadLetter.Kind.UPDATE, "",
        "failed 10 times in a row", update("again"));
    store.addDeadLetter(letter);

    HttpResponse<String> fromPage = post(admin("/dead-letters/replay?id=letter-1"), "",
        Map.of("Origin", "https://evil.example"));
    assertEquals(403, fromPage.statusCode(), "a web page cannot replay through the operator's browser");
    HttpResponse<String> replayed = post(admin("/dead-letters/replay?id=letter-1"), "", Map.of());
    assertEquals(200, replayed.statusCode(), replayed.body());
    HttpResponse<String> again = post(admin("/dead-letters/replay?id=letter-1"), "", Map.of());

    assertEquals(404, again.statusCode(), again.body());
    assertEquals(List.of("echo again"), replies());
    assertEquals(List.of(), store.deadLetters(10));
  }

  @Test
  void badAdminRequestsGetAClearErrorAndChangeNothing() throws Exception {
    store.addDeadLetter(new DeadLetter("letter-1", Instant.now(), DeadLetter.Kind.UPDATE, "", "e", update("x")));

    HttpResponse<String> limit = get("/dead-letters?limit=abc");
    assertEquals(400, limit.statusCode());
    assertTrue(limit.body().contains("limit is 'abc'"), limit.body());
    HttpResponse<String> noId = post(admin("/dead-letters/replay"), "", Map.of());
    assertEquals(400, noId.statusCode());
    assertTrue(noId.body().contains("'id'"), noId.body());
    assertEquals(405, get("/dead-letters/replay?id=letter-1").statusCode(), "a GET replays nothing");
    assertEquals(404, post(admin("/dead-letters/replay?id=nope"), "", Map.of()).statusCode());
    assertEquals(1, store.deadLetters(10).size());
    assertEquals(List.of(), replies());
  }

  @Test
  void aPageUnderAnotherNameCannotReadTheDeadLettersThroughARebindingOfItsDomain() throws Exception {
    store.addDeadLetter(new DeadLetter("letter-1", Instant.now(), DeadLetter.Kind.UPDATE, "", "e",
        update("my card is 4276 0000 1111 2222")));
    URI admin = admin("/dead-letters");

    String rebound = rawGet(admin, "evil.example:" + admin.getPort());
    String direct = rawGet(admin, "127.0.0.1:" + admin.getPort());

    assertTrue(rebound.startsWith("HTTP/1.1 403"), rebound);
    assertFalse(rebound.contains("4276"), "the letter's content reaches no page under another name");
    assertTrue(direct.startsWith("HTTP/1.1 200") && direct.contains("4276"), direct);
  }

  /** A GET with a Host header of our choosing (java.net.http will not send one), read to the end. */
  private static String rawGet(URI uri, String host) throws Exception {
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.getOutputStream().write(("GET " + uri.getPath() + " HTTP/1.1\r\nHost: " + host
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String update(String text) {
    long ts = System.currentTimeMillis();
    String sender = "{\"user_id\":" + user.userId() + ",\"first_name\":\"Alice\",\"is_bot\":false,"
        + "\"last_activity_time\":0,\"name\":\"Alice\"}";
    return "{\"update_type\":\"message_created\",\"timestamp\":" + ts + ",\"message\":{"
        + "\"sender\":" + sender + ",\"recipient\":{\"chat_id\":" + user.chatId()
        + ",\"chat_type\":\"dialog\",\"user_id\":" + user.userId() + "},\"timestamp\":" + ts
        + ",\"body\":{\"mid\":\"mid.alice." + ts + "\",\"seq\":" + ts + ",\"text\":\"" + text
        + "\"}},\"user_locale\":\"en\"}";
  }

  private URI webhook() {
    return URI.create("http://127.0.0.1:" + ((WebhookIngress) runtime.ingress()).port() + "/hook/" + SECRET);
  }

  private URI admin(String path) {
    return URI.create(runtime.adminUrl().orElseThrow() + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(admin(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(URI uri, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private List<String> replies() {
    return user.messages().stream()
        .filter(m -> m.json().path("sender").path("user_id").asLong() != user.userId())
        .map(BotMessage::text).toList();
  }

  /** What the process logged (slf4j-simple writes to System.err) while {@code action} ran. */
  private static String stderrDuring(ThrowingRunnable action) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
