package io.ttscenes.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The fake server over real loopback HTTP, driven by the JDK's client as a stand-in bot. */
final class FakeBotApiTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void waitingPollIsAnsweredAsSoonAsTheBotsReplyReleasesTheNextUpdate() throws Exception {
    try (FakeBotApi api = FakeBotApi.start(1, 0)) {
      JsonNode first = get(api, "/updates?timeout=30");
      assertEquals("bot_started", first.path("updates").path(0).path("update_type").asText());
      long marker = first.path("marker").asLong();

      CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(
          request(api, "/updates?timeout=300&marker=" + marker).GET().build(), BodyHandlers.ofString());
      post(api, "/messages?chat_id=1000000", "{\"text\":\"Q1\"}");

      // The poll would wait five minutes; the timeout is only a safety net.
      JsonNode next = json.readTree(waiting.get(60, TimeUnit.SECONDS).body());
      assertEquals("message_callback", next.path("updates").path(0).path("update_type").asText());
      assertEquals("q1:yes", next.path("updates").path(0).path("callback").path("payload").asText());
      assertEquals(marker + 1, next.path("marker").asLong());
    }
  }

  @Test
  void countsEveryCallAndReportsAWrongStatusReplyAsAnError() throws Exception {
    try (FakeBotApi api = FakeBotApi.start(1, 0)) {
      get(api, "/updates?timeout=0");
      post(api, "/messages?chat_id=1000000", "{\"text\":\"Q1\"}");
      post(api, "/answers?callback_id=cb.0", "{\"notification\":\"ok\"}");
      post(api, "/messages?chat_id=1000000", "{\"text\":\"Q2\"}");
      post(api, "/messages?chat_id=1000000", "{\"text\":\"Thanks\"}");
      post(api, "/messages?chat_id=1000000", "{\"text\":\"Stored: Q1: yes; promo: promo42\"}");

      assertTrue(api.awaitFinished(60, TimeUnit.SECONDS));
      Figures figures = api.figures();
      assertEquals(6, figures.apiCalls());
      assertEquals(4, figures.updates());
      assertEquals(1, figures.errors(), "the /status reply lacks 'my answer'");
    }
  }

  @Test
  void unknownPathsAreRejectedWithTheApisErrorShape() throws Exception {
    try (FakeBotApi api = FakeBotApi.start(1, 0)) {
      HttpResponse<String> response = http.send(request(api, "/chats").GET().build(), BodyHandlers.ofString());

      assertEquals(404, response.statusCode());
      assertEquals("not.found", json.readTree(response.body()).path("code").asText());
    }
  }

  private JsonNode get(FakeBotApi api, String path) throws Exception {
    return json.readTree(http.send(request(api, path).GET().build(), BodyHandlers.ofString()).body());
  }

  private void post(FakeBotApi api, String path, String body) throws Exception {
    HttpResponse<String> response = http.send(
        request(api, path).POST(BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
        BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
  }

  private static java.net.http.HttpRequest.Builder request(FakeBotApi api, String path) {
    return java.net.http.HttpRequest.newBuilder(URI.create(api.url() + path));
  }
}
