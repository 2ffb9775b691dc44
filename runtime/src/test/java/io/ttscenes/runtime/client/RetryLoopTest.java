package io.ttscenes.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.client.ApiRejectedException;
import io.ttscenes.api.client.ApiUnavailableException;
import io.ttscenes.api.client.BotApiException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, backoff, Retry-After and error mapping of one request, over real loopback HTTP. */
final class RetryLoopTest {
  private final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();
  private double jitter = 1.0;

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RetryLoop loop(HttpUrl base, RetryPolicy policy) {
    ObjectMapper mapper = new ObjectMapper();
    HttpExchange exchange =
        new HttpExchange(new OkHttpClient(), base, "tok", AuthMode.QUERY, "0.5.6", mapper);
    FailureClassifier classifier = new FailureClassifier(mapper, time);
    RateLimiter unlimited = new RateLimiter(1_000_000, time, ignored -> { });
    return new RetryLoop(exchange, classifier, policy, unlimited, time, time, () -> jitter);
  }

  private RetryLoop loop() {
    return loop(server.url("/"), RetryPolicy.defaults());
  }

  private static ApiRequest get() {
    return ApiRequest.of("getChat", "GET").path("chats", 42).build();
  }

  private static ApiRequest post() {
    return ApiRequest.of("sendMessage", "POST").path("messages").query("chat_id", 42)
        .body(Map.of("text", "hi")).build();
  }

  private static MockResponse status(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).build();
  }

  private static MockResponse error(int code, String apiCode, String message) {
    return status(code, "{\"code\":\"" + apiCode + "\",\"message\":\"" + message + "\"}");
  }

  @Test
  void anInterruptedThreadGetsOneUnavailableErrorWithoutRetryOrBackoff() {
    server.enqueue(status(200, "{\"ok\":1}"));
    Thread.currentThread().interrupt();
    try {
      ApiUnavailableException e = assertThrows(ApiUnavailableException.class, () -> loop().run(get()));
      assertTrue(e.getMessage().contains("getChat interrupted"), e.getMessage());
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt stays set for the caller");
    } finally {
      Thread.interrupted();
    }
    assertEquals(List.of(), time.sleeps(), "no backoff while being stopped");
  }

  @Test
  void getIsRetriedOnServerErrorsWithExponentialBackoff() {
    server.enqueue(error(500, "internal", "boom"));
    server.enqueue(error(502, "bad.gateway", ""));
    server.enqueue(status(200, "{\"ok\":1}"));

    HttpExchange.Raw raw = loop().run(get());

    assertEquals("{\"ok\":1}", new String(raw.body(), StandardCharsets.UTF_8));
    assertEquals(3, server.getRequestCount());
    assertEquals(List.of(200L, 400L), time.sleepMillis());
  }

  @Test
  void jitterPicksAFractionOfTheCeiling() {
    jitter = 0.5;
    server.enqueue(error(503, "unavailable", ""));
    server.enqueue(error(503, "unavailable", ""));
    server.enqueue(status(200, "{}"));

    loop().run(get());

    assertEquals(List.of(100L, 200L), time.sleepMillis());
  }

  @Test
  void backoffIsCappedAtTheMaximumDelay() {
    for (int i = 0; i < 8; i++) {
      server.enqueue(error(503, "unavailable", ""));
    }
    server.enqueue(status(200, "{}"));

    loop(server.url("/"), RetryPolicy.defaults().withMaxAttempts(9)).run(get());

    assertEquals(List.of(200L, 400L, 800L, 1600L, 3200L, 6400L, 10_000L, 10_000L),
        time.sleepMillis());
  }

  @Test
  void givesUpAfterTheAttemptLimitWithTheLastError() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(error(503, "service.unavailable", "try later"));
    }

    ApiUnavailableException e =
        assertThrows(ApiUnavailableException.class, () -> loop().run(get()));

    assertEquals(4, server.getRequestCount());
    assertEquals(List.of(200L, 400L, 800L), time.sleepMillis());
    assertEquals(503, e.status());
    assertEquals("service.unavailable", e.code());
    assertEquals("try later", e.apiMessage());
    assertEquals("getChat", e.operation());
    assertEquals(
        "getChat failed: HTTP 503 service.unavailable: try later; gave up after 4 attempts",
        e.getMessage());
  }

  @Test
  void postIsNotRetriedOnInternalErrorBecauseItMayHaveBeenProcessed() {
    server.enqueue(error(500, "internal", "boom"));
    server.enqueue(status(200, "{}"));

    ApiUnavailableException e =
        assertThrows(ApiUnavailableException.class, () -> loop().run(post()));

    assertEquals(1, server.getRequestCount());
    assertEquals(List.of(), time.sleepMillis());
    assertEquals(500, e.status());
    assertTrue(e.getMessage().endsWith("not retried because POST is not idempotent"),
        e.getMessage());
  }

  @Test
  void postIsRetriedOnTooManyRequestsAndServiceUnavailable() {
    server.enqueue(error(429, "too.many.requests", ""));
    server.enqueue(error(503, "service.unavailable", ""));
    server.enqueue(status(200, "{}"));

    loop().run(post());

    assertEquals(3, server.getRequestCount());
    assertEquals(List.of(200L, 400L), time.sleepMillis());
  }

  @Test
  void retryAfterInSecondsWinsWhenLongerThanTheBackoff() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3")
        .body("{\"code\":\"too.many.requests\",\"message\":\"\"}").build());
    server.enqueue(status(200, "{}"));

    loop().run(post());

    assertEquals(List.of(3000L), time.sleepMillis());
  }

  @Test
  void retryAfterAsHttpDateIsReadAgainstTheClock() {
    String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        time.instant().plusSeconds(5).atZone(java.time.ZoneOffset.UTC));
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", at).build());
    server.enqueue(status(200, "{}"));

    loop().run(get());

    assertEquals(List.of(5000L), time.sleepMillis());
  }

  @Test
  void shortRetryAfterDoesNotShortenTheBackoff() {
    jitter = 1.0;
    server.enqueue(error(503, "x", ""));
    // 429, not 503: OkHttp itself repeats a 503 that says "Retry-After: 0".
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "0").build());
    server.enqueue(status(200, "{}"));

    loop().run(get());

    assertEquals(List.of(200L, 400L), time.sleepMillis());
  }

  @Test
  void retryAfterLongerThanWeWaitFailsAtOnceCarryingTheHint() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120")
        .body("{\"code\":\"too.many.requests\",\"message\":\"slow down\"}").build());

    ApiUnavailableException e =
        assertThrows(ApiUnavailableException.class, () -> loop().run(get()));

    assertEquals(1, server.getRequestCount());
    assertEquals(Duration.ofSeconds(120), e.retryAfter().orElseThrow());
    assertEquals(429, e.status());
    assertTrue(e.getMessage().contains("asked to retry after 120 s"), e.getMessage());
  }

  @Test
  void rejectedRequestsAreNeverRetried() {
    int[] statuses = {400, 401, 403, 404, 405};
    for (int status : statuses) {
      server.enqueue(error(status, "code." + status, "message " + status));
    }
    for (int status : statuses) {
      ApiRejectedException e =
          assertThrows(ApiRejectedException.class, () -> loop().run(get()));
      assertEquals(status, e.status());
      assertEquals("code." + status, e.code());
      assertEquals("message " + status, e.apiMessage());
      assertEquals("getChat failed: HTTP " + status + " code." + status + ": message " + status,
          e.getMessage());
    }
    assertEquals(statuses.length, server.getRequestCount());
    assertEquals(List.of(), time.sleepMillis());
  }

  @Test
  void invalidTokenIsRejectedWithTheApisCodeAndMessage() {
    server.enqueue(error(401, "verify.token", "Invalid access_token"));

    ApiRejectedException e = assertThrows(ApiRejectedException.class, () -> loop().run(get()));

    assertEquals("verify.token", e.code());
    assertEquals("Invalid access_token", e.apiMessage());
  }

  @Test
  void nonJsonErrorBodyIsToleratedAndQuoted() {
    server.enqueue(status(502, "<html><body>Bad   Gateway</body></html>"));

    BotApiException e = assertThrows(BotApiException.class,
        () -> loop(server.url("/"), RetryPolicy.none()).run(get()));

    assertInstanceOf(ApiUnavailableException.class, e);
    assertEquals("", e.code());
    assertEquals("", e.apiMessage());
    assertTrue(e.getMessage().startsWith("getChat failed: HTTP 502 (body is not an API error: "
        + "'<html><body>Bad Gateway</body></html>')"), e.getMessage());
  }

  @Test
  void attachmentNotReadyIsRetriedUntilTheDeadlineThenReported() {
    AtomicInteger requests = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.incrementAndGet();
        return error(400, "attachment.not.ready", "file.not.processed");
      }
    });

    ApiUnavailableException e =
        assertThrows(ApiUnavailableException.class, () -> loop().run(post()));

    long slept = time.sleepMillis().stream().mapToLong(Long::longValue).sum();
    assertTrue(slept <= 30_000, "slept " + slept);
    // 200+400+...+6400 = 12 600, then 10 000 once more: the next 10 000 would pass 30 s.
    assertEquals(List.of(200L, 400L, 800L, 1600L, 3200L, 6400L, 10_000L), time.sleepMillis());
    assertEquals(8, requests.get());
    assertEquals("attachment.not.ready", e.code());
    assertEquals(400, e.status());
    assertTrue(e.getMessage().endsWith("the attachment was not ready after 30000 ms (8 attempts)"),
        e.getMessage());
  }

  @Test
  void attachmentNotReadyThenReadySendsTheMessage() {
    server.enqueue(error(400, "attachment.not.ready", ""));
    server.enqueue(status(200, "{\"message\":{}}"));

    loop().run(post());

    assertEquals(2, server.getRequestCount());
  }

  @Test
  void connectionRefusedIsRetriedEvenForPostBecauseNothingWasSent() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HttpUrl nowhere = HttpUrl.get("http://127.0.0.1:" + closedPort + "/");

    ApiUnavailableException e =
        assertThrows(ApiUnavailableException.class, () -> loop(nowhere, RetryPolicy.defaults())
            .run(post()));

    assertEquals(List.of(200L, 400L, 800L), time.sleepMillis());
    assertTrue(e.noResponse());
    assertTrue(e.getMessage().contains("before the request was sent"), e.getMessage());
  }

  @Test
  void cutConnectionAfterThePostArrivedIsNotRetried() {
    server.enqueue(new MockResponse.Builder()
        .onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
    server.enqueue(status(200, "{}"));

    ApiUnavailableException e =
        assertThrows(ApiUnavailableException.class, () -> loop().run(post()));

    assertEquals(1, server.getRequestCount());
    assertTrue(e.noResponse());
    assertTrue(e.getMessage().contains("may have reached the server"), e.getMessage());
  }

  @Test
  void aPostCutOnAReusedConnectionIsNotResentSilentlyByOkHttp() {
    server.enqueue(status(200, "{}"));
    server.enqueue(new MockResponse.Builder()
        .onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
    server.enqueue(status(200, "{}"));
    RetryLoop loop = loop();

    loop.run(get());
    ApiUnavailableException e = assertThrows(ApiUnavailableException.class, () -> loop.run(post()));

    assertEquals(2, server.getRequestCount(), "the POST that may have been processed was sent again");
    assertTrue(e.getMessage().contains("may have reached the server"), e.getMessage());
  }

  @Test
  void cutConnectionIsRetriedForGet() {
    server.enqueue(new MockResponse.Builder()
        .onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
    server.enqueue(status(200, "{}"));

    loop().run(get());

    assertEquals(2, server.getRequestCount());
    assertEquals(List.of(200L), time.sleepMillis());
  }
}
