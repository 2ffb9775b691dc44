package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator's constructor sessions as the schema describes them, driven over raw HTTP. */
final class ConstructorSessionsTest extends EmulatorTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String SIZES = "\"keyboard\":{\"buttons\":[[{\"type\":\"callback\","
      + "\"text\":\"Big\",\"payload\":\"big\"}]]}";

  private EmulatedUser alice;

  @BeforeEach
  void addAlice() {
    alice = emulator.user("Alice");
  }

  @Test
  void dataComesBackWithinItsSessionAndNotIntoTheNextOne() {
    String first = alice.construct("tea");
    answer(first, "{\"messages\":[{\"text\":\"Tea\"}],\"data\":\"step-1\",\"allow_user_input\":true}");
    alice.construct("green");
    JsonNode continued = lastUpdate();
    alice.finishConstruction();
    String second = alice.openConstructor();
    JsonNode opened = lastUpdate();

    assertEquals(first, continued.path("session_id").asText());
    assertEquals("step-1", continued.path("data").asText());
    assertNotEquals(first, second);
    assertTrue(opened.path("data").isNull(), "a new session starts without data: " + opened);
    assertEquals(0, opened.path("input").path("messages").size());
  }

  @Test
  void answerWithoutDataSendsNullDataNext() {
    String session = alice.construct("tea");
    answer(session, "{\"messages\":[],\"data\":\"kept?\",\"allow_user_input\":true}");
    alice.construct("again");
    answer(session, "{\"messages\":[],\"allow_user_input\":true}");
    alice.construct("once more");

    assertTrue(lastUpdate().path("data").isNull(), "only the previous answer's data comes back");
  }

  @Test
  void everyPreparedMessageIsPostedAsItsOwnUpdate() {
    String session = alice.construct("poll");
    answer(session, "{\"messages\":[{\"text\":\"Poll\"},{\"text\":\"Vote below\"}]}");

    assertEquals(session, alice.finishConstruction());
    List<JsonNode> constructed = updates("message_constructed");

    assertEquals(List.of("Poll", "Vote below"), constructed.stream()
        .map(u -> u.path("message").path("body").path("text").asText()).toList());
    constructed.forEach(u -> assertEquals(session, u.path("session_id").asText()));
    assertTrue(constructed.get(1).path("timestamp").asLong() > constructed.get(0).path("timestamp").asLong(),
        "updates without an id are told apart by time: " + constructed);
    assertEquals(Optional.empty(), alice.constructorSession());
  }

  @Test
  void typingIsRefusedUnlessTheLastAnswerAllowsIt() {
    String session = alice.construct("pizza");
    answer(session, "{\"messages\":[]," + SIZES + "}");

    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> alice.construct("big"));
    answer(session, "{\"messages\":[],\"allow_user_input\":true}");
    alice.construct("big please");

    assertEquals("the bot's last constructor answer does not allow user input (allow_user_input is"
        + " missing); Alice can only press [Big]", refused.getMessage());
    assertEquals("big please", lastUpdate().path("input").path("messages").get(0).path("text").asText());
  }

  @Test
  void onlyAButtonOfTheLastKeyboardCanBePressed() {
    String session = alice.construct("pizza");
    answer(session, "{\"messages\":[]," + SIZES + "}");

    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> alice.pressConstructorButton("small"));
    alice.pressConstructorButton("big");

    assertEquals("no callback button with payload 'small' in the constructor keyboard of Alice;"
        + " it has [Big]", missing.getMessage());
    assertEquals("big", lastUpdate().path("input").path("payload").asText());
  }

  @Test
  void finishingBeforeAnyPreparedMessageIsRefused() {
    String session = alice.construct("pizza");

    IllegalStateException early = assertThrows(IllegalStateException.class, alice::finishConstruction);
    answer(session, "{\"messages\":[]," + SIZES + "}");
    IllegalStateException empty = assertThrows(IllegalStateException.class, alice::finishConstruction);

    assertEquals("the bot's constructor answer has no message to send (it has not answered yet)",
        early.getMessage());
    assertEquals("the bot's constructor answer has no message to send", empty.getMessage());
    assertEquals(Optional.of(session), alice.constructorSession());
  }

  private void answer(String session, String json) {
    assertEquals(200, api.post("/answers/constructor?session_id=" + session, json).status());
    alice.await(ChatEvent.ConstructorAnswered.class, WAIT);
  }

  private JsonNode lastUpdate() {
    JsonNode updates = api.get("/updates?timeout=0").json().path("updates");
    return updates.get(updates.size() - 1);
  }

  private List<JsonNode> updates(String type) {
    List<JsonNode> result = new ArrayList<>();
    api.get("/updates?timeout=0").json().path("updates").forEach(u -> {
      if (u.path("update_type").asText().equals(type)) {
        result.add(u);
      }
    });
    return result;
  }
}
