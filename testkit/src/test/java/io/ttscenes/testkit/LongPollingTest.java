package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class LongPollingTest extends EmulatorTest {
  private EmulatedUser alice;

  @BeforeEach
  void addAlice() {
    alice = emulator.user("Alice");
  }

  private static List<String> texts(JsonNode updateList) {
    List<String> texts = new ArrayList<>();
    updateList.path("updates").forEach(u -> texts.add(u.path("message").path("body").path("text").asText()));
    return texts;
  }

  @Test
  void updatesStayUntilTheMarkerCommitsThem() {
    alice.sendText("one");
    alice.sendText("two");
    alice.sendText("three");

    JsonNode first = api.get("/updates?timeout=0").json();
    JsonNode again = api.get("/updates?timeout=0").json();
    JsonNode committed = api.get("/updates?timeout=0&marker=" + first.path("marker").asLong()).json();

    assertEquals(List.of("one", "two", "three"), texts(first));
    assertEquals(List.of("one", "two", "three"), texts(again));
    assertEquals(List.of(), texts(committed));
    assertEquals(List.of(), texts(api.get("/updates?timeout=0").json()));
  }

  @Test
  void limitSplitsABatchAndTheMarkerContinuesIt() {
    alice.sendText("one");
    alice.sendText("two");
    alice.sendText("three");

    JsonNode page1 = api.get("/updates?timeout=0&limit=2").json();
    JsonNode page2 = api.get("/updates?timeout=0&limit=2&marker=" + page1.path("marker").asLong()).json();

    assertEquals(List.of("one", "two"), texts(page1));
    assertEquals(List.of("three"), texts(page2));
  }

  @Test
  void typesFilterLeavesOtherUpdatesOut() {
    alice.startWithPayload("promo");
    alice.sendText("hello");

    JsonNode started = api.get("/updates?timeout=0&types=bot_started").json();

    assertEquals(1, started.path("updates").size());
    assertEquals("promo", started.path("updates").get(0).path("payload").asText());
  }

  @Test
  void waitingPollIsWokenByANewUpdate() throws Exception {
    CompletableFuture<JsonNode> poll = CompletableFuture.supplyAsync(() -> api.get("/updates?timeout=90").json());
    assertTrue(emulator.awaitWaitingPolls(1, Duration.ofSeconds(30)), "the poll never parked");

    alice.sendText("wake up");

    assertEquals(List.of("wake up"), texts(poll.get(30, TimeUnit.SECONDS)));
  }

  @Test
  void pollWithNothingPendingEndsEmptyAfterItsTimeout() {
    JsonNode reply = api.get("/updates?timeout=1").json();

    assertEquals(0, reply.path("updates").size());
    assertEquals(1, reply.path("marker").asLong());
  }

  @Test
  void messageCreatedUpdateHasTheSchemaShape() {
    alice.sendText("hi");

    JsonNode update = api.get("/updates?timeout=0").json().path("updates").get(0);
    JsonNode message = update.path("message");

    assertEquals("message_created", update.path("update_type").asText());
    assertTrue(update.path("timestamp").asLong() > 1_600_000_000_000L, "timestamp in ms");
    assertEquals("en", update.path("user_locale").asText());
    assertEquals(alice.userId(), message.path("sender").path("user_id").asLong());
    assertEquals("Alice", message.path("sender").path("name").asText());
    assertTrue(message.path("sender").has("username"));
    assertTrue(message.path("sender").has("last_activity_time"));
    assertEquals(false, message.path("sender").path("is_bot").asBoolean());
    assertEquals(alice.chatId(), message.path("recipient").path("chat_id").asLong());
    assertEquals("dialog", message.path("recipient").path("chat_type").asText());
    assertTrue(message.path("body").path("mid").asText().startsWith("mid."));
    assertTrue(message.path("body").path("seq").isIntegralNumber());
  }
}
