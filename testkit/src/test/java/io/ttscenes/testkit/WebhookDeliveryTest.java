package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class WebhookDeliveryTest {
  private static final WebhookRetry FAST = new WebhookRetry(Duration.ofMillis(5), Duration.ofMillis(20),
      Duration.ofHours(1));

  private Emulator emulator;
  private BotApiClient api;
  private HttpServer receiver;
  private final BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<String> attempts = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void start() {
    emulator = Emulator.builder().webhookRetry(FAST).start();
    api = new BotApiClient(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  /** A bot's webhook endpoint: answers the queued statuses first, then 200. */
  private String startReceiver(int port) throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    receiver.createContext("/hook", exchange -> {
      JsonNode update = Json.MAPPER.readTree(exchange.getRequestBody());
      String text = update.path("message").path("body").path("text").asText();
      attempts.add(text);
      Integer status = answers.poll();
      int answer = status == null ? 200 : status;
      exchange.sendResponseHeaders(answer, -1);
      exchange.close();
      if (answer == 200) {
        delivered.add(text);
      }
    });
    receiver.start();
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  private List<String> take(int count) throws InterruptedException {
    List<String> result = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String next = delivered.poll(30, TimeUnit.SECONDS);
      assertNotNull(next, "webhook delivery " + (i + 1) + " never came; got " + result);
      result.add(next);
    }
    return result;
  }

  @Test
  void failedDeliveriesAreRetriedAndOrderIsKept() throws Exception {
    answers.add(500);
    answers.add(503);
    String url = startReceiver(0);
    api.post("/subscriptions", BotApiClient.json("url", url));
    EmulatedUser alice = emulator.user("Alice");

    alice.sendText("a");
    alice.sendText("b");
    alice.sendText("c");

    assertEquals(List.of("a", "b", "c"), take(3));
    assertEquals(List.of("a", "a", "a", "b", "c"), List.copyOf(attempts));
  }

  @Test
  void deliveryResumesWhenTheEndpointComesUp() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    api.post("/subscriptions", BotApiClient.json("url", "http://127.0.0.1:" + port + "/hook"));
    emulator.user("Bob").sendText("queued while down");

    startReceiver(port);

    assertEquals(List.of("queued while down"), take(1));
  }

  @Test
  void subscriptionsAreListedAndLongPollingIsRefusedMeanwhile() throws Exception {
    String url = startReceiver(0);
    api.post("/subscriptions", "{\"url\":\"" + url + "\",\"update_types\":[\"message_created\"]}");

    JsonNode list = api.get("/subscriptions").json().path("subscriptions");
    BotApiClient.Reply poll = api.get("/updates?timeout=0");

    assertEquals(url, list.get(0).path("url").asText());
    assertEquals("message_created", list.get(0).path("update_types").get(0).asText());
    assertEquals(405, poll.status());
  }

  @Test
  void unsubscribedUrlGetsNothingAndPollingReturns() throws Exception {
    String url = startReceiver(0);
    api.post("/subscriptions", BotApiClient.json("url", url));
    api.delete("/subscriptions?url=" + java.net.URLEncoder.encode(url, "UTF-8"));

    emulator.user("Carol").sendText("after unsubscribe");

    assertEquals(1, api.get("/updates?timeout=0").json().path("updates").size());
    assertNull(delivered.poll());
    assertEquals(0, api.get("/subscriptions").json().path("subscriptions").size());
  }

  @Test
  void typeFilterOfTheSubscriptionIsApplied() throws Exception {
    String url = startReceiver(0);
    api.post("/subscriptions", "{\"url\":\"" + url + "\",\"update_types\":[\"message_created\"]}");
    EmulatedUser dave = emulator.user("Dave");

    dave.startWithPayload("skipped");
    dave.sendText("kept");

    assertEquals(List.of("kept"), take(1));
    assertEquals(List.of("kept"), List.copyOf(attempts));
  }
}
