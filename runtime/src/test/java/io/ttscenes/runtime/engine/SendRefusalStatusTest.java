package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which answers of the Bot API to a reply with a continuation are a refusal for good
 * ({@code onSendFailed} runs, nothing is sent again) and which pass (the call is retried with
 * back-off and {@code onSent} runs once TamTam takes it), over real HTTP on loopback. The schema
 * names 400, 401, 403, 404 and 405 as errors of the request or the bot, 429 and 503 as passing.
 */
final class SendRefusalStatusTest {
  private static final String SENT = "{\"message\":{\"recipient\":{\"chat_id\":10,\"chat_type\":\"dialog\"},"
      + "\"timestamp\":1,\"body\":{\"mid\":\"mid.posted\",\"seq\":1,\"text\":\"posted\"}}}";

  private final MockWebServer server = new MockWebServer();
  private final List<String> outcomes = new CopyOnWriteArrayList<>();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private Dispatcher dispatcher;

  @BeforeEach
  void start() throws Exception {
    server.start();
    Bot bot = Bot.builder("statuses").root(r -> r
        .onCommand("ask", ctx -> ctx.reply("posted").then("posted"))
        .onSent("posted", (ctx, sent) -> outcomes.add("sent " + sent.messageId()))
        .onSendFailed("posted", (ctx, failure) -> outcomes.add("failed " + failure.status() + " " + failure.code())))
        .build();
    OkHttpBotApi api = OkHttpBotApi.builder("token").baseUrl(server.url("/").toString())
        .sleeper(waits::add).jitter(() -> 1.0).requestsPerSecond(1_000_000).build();
    dispatcher = Dispatcher.builder(bot, InMemorySessionStore.create(), api).build();
  }

  @AfterEach
  void stop() {
    dispatcher.close();
    server.close();
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {400, 401, 403, 404, 405, 409})
  void aRefusalForGoodRunsOnSendFailedWithItsStatusAndIsNotSentAgain(int status) throws Exception {
    answer(status, "{\"code\":\"refused." + status + "\",\"message\":\"no\"}");
    answer(200, SENT);

    dispatcher.submit(text(1, 10, "/ask")).get(20, TimeUnit.SECONDS);

    assertEquals(List.of("failed " + status + " refused." + status), awaitOutcome());
    assertEquals(1, server.getRequestCount(), "a refusal for good is not retried");
    assertEquals(List.of(), waits);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {408, 425, 429, 503})
  void aPassingRefusalIsRetriedWithBackOffAndTheContinuationSeesTheMessageSent(int status) throws Exception {
    answer(status, "{\"code\":\"busy\",\"message\":\"try later\"}");
    answer(200, SENT);

    dispatcher.submit(text(1, 10, "/ask")).get(20, TimeUnit.SECONDS);

    assertEquals(List.of("sent mid.posted"), awaitOutcome());
    assertEquals(2, server.getRequestCount(), "sent again after the refusal");
    assertEquals(1, waits.size(), "waited once before the retry: " + waits);
    assertFalse(waits.get(0).isZero(), "a back-off, not an immediate retry");
  }

  private void answer(int status, String body) {
    server.enqueue(new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
        .body(body).build());
  }

  /** Waits (bounded) for the continuation, which runs on the session's lane after the send. */
  private List<String> awaitOutcome() throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (outcomes.isEmpty() && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    Thread.sleep(50);
    return List.copyOf(outcomes);
  }
}
