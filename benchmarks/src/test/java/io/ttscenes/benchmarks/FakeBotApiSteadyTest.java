package io.ttscenes.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The steady shape over real loopback HTTP: users arrive by the clock, open loop, whatever the
 * bot answers. Every wait is a long poll answered by an event; no test asserts on a duration.
 */
final class FakeBotApiSteadyTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void firstPollBringsOnlyTheFirstUserWhenTheNextOneIsDueLater() throws IOException {
    // One user every 1000 s: the second is not due for the length of this test.
    try (FakeBotApi api = FakeBotApi.start(3, 0, 0.001, 0); LoopbackClient bot = new LoopbackClient(api.port())) {
      JsonNode first = get(bot, "/updates?timeout=0");
      assertEquals(List.of("bot_started:1000000"), kinds(first));

      assertEquals(200, bot.post("/messages?chat_id=1000000", "{\"text\":\"Q1\"}").status());
      JsonNode next = get(bot, "/updates?timeout=0&marker=" + first.path("marker").asLong());

      // The reply released that user's next update and nobody else's first one.
      assertEquals(List.of("message_callback:1000000"), kinds(next));
    }
  }

  @Test
  void usersKeepArrivingInOrderWhileTheBotAnswersNobody() throws IOException {
    int users = 8;
    try (FakeBotApi api = FakeBotApi.start(users, 0, 200, 0); LoopbackClient bot = new LoopbackClient(api.port())) {
      List<String> seen = new ArrayList<>();
      long marker = 0;
      while (seen.size() < users) {
        // A poll waits for the next arrival; 30 s empty means the arrivals stopped.
        JsonNode page = get(bot, "/updates?timeout=30" + (marker == 0 ? "" : "&marker=" + marker));
        assertTrue(page.path("updates").size() > 0, "no user arrived in 30 s after " + seen);
        seen.addAll(kinds(page));
        marker = page.path("marker").asLong();
      }

      List<String> expected = new ArrayList<>();
      for (int u = 0; u < users; u++) {
        expected.add("bot_started:" + (1_000_000 + u));
      }
      assertEquals(expected, seen);
      assertEquals(users, api.figures().errors(), "nobody was answered, so nobody finished");
    }
  }

  private JsonNode get(LoopbackClient bot, String path) throws IOException {
    LoopbackClient.Response response = bot.get(path);
    assertEquals(200, response.status(), response.body());
    return json.readTree(response.body());
  }

  private static List<String> kinds(JsonNode page) {
    List<String> out = new ArrayList<>();
    for (JsonNode update : page.path("updates")) {
      String type = update.path("update_type").asText();
      JsonNode chat = type.equals("bot_started") ? update.path("chat_id")
          : update.path("message").path("recipient").path("chat_id");
      out.add(type + ":" + chat.asLong());
    }
    return out;
  }
}
