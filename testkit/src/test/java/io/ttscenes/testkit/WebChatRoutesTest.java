package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web chat's routes as a script uses them over real HTTP: buttons pressed by text or payload
 * without digging out message ids, notifications in a group naming whom they went to, and a clear
 * 400 naming each missing field.
 */
final class WebChatRoutesTest extends EmulatorTest {
  private static final String KEYBOARD = "{\"text\":\"%s\",\"attachments\":[{\"type\":\"inline_keyboard\","
      + "\"payload\":{\"buttons\":[[{\"type\":\"callback\",\"text\":\"Tea\",\"payload\":\"%s:tea\"},"
      + "{\"type\":\"callback\",\"text\":\"Coffee\",\"payload\":\"%s:coffee\"}]]}}]}";

  private BotApiClient page;
  private EmulatedUser alice;
  private EmulatedUser bob;
  private long marker = 1;

  @BeforeEach
  void people() {
    page = new BotApiClient(emulator.baseUrl(), null);
    alice = emulator.user("Alice");
    bob = emulator.user("Bob");
  }

  private String poll(long chatId, String name) {
    return api.post("/messages?chat_id=" + chatId, String.format(KEYBOARD, name, name, name)).json()
        .path("message").path("body").path("mid").asText();
  }

  private List<JsonNode> callbacks() {
    JsonNode batch = api.get("/updates?timeout=0&marker=" + marker).json();
    marker = batch.path("marker").asLong();
    List<JsonNode> found = new ArrayList<>();
    batch.path("updates").forEach(u -> {
      if (u.path("update_type").asText().equals("message_callback")) {
        found.add(u);
      }
    });
    return found;
  }

  private static String pressed(JsonNode update) {
    return update.path("message").path("body").path("text").asText() + " " + update.path("callback").path("payload").asText();
  }

  @Test
  void aPersonPressesByTextOrPayloadWithOrWithoutTheMessageId() {
    String dialog = "/_emu/chats/" + alice.chatId() + "/callback";
    String first = poll(alice.chatId(), "first");
    poll(alice.chatId(), "second");

    assertEquals(200, page.post(dialog, "{\"text\":\"Coffee\"}").status());
    assertEquals(200, page.post(dialog, "{\"payload\":\"first:tea\"}").status());
    assertEquals(200, page.post(dialog, "{\"mid\":\"" + first + "\",\"text\":\"Coffee\"}").status());
    assertEquals(200, page.post(dialog, "{\"mid\":\"" + first + "\",\"payload\":\"first:tea\"}").status());

    assertEquals(List.of("second second:coffee", "first first:tea", "first first:coffee", "first first:tea"),
        callbacks().stream().map(WebChatRoutesTest::pressed).toList());
  }

  @Test
  void groupNotificationsNameTheMemberTheyWentTo() {
    long chatId = page.post("/_emu/groups", "{\"title\":\"Team\",\"owner_id\":" + alice.userId()
        + ",\"member_ids\":[" + bob.userId() + "]}").json().path("chat_id").asLong();
    poll(chatId, "vote");
    String group = "/_emu/groups/" + chatId;

    assertEquals(200, page.post(group + "/callback", "{\"user_id\":" + bob.userId() + ",\"text\":\"Tea\"}").status());
    assertEquals(200, page.post(group + "/callback", "{\"user_id\":" + alice.userId() + ",\"payload\":\"vote:coffee\"}")
        .status());
    for (JsonNode callback : callbacks()) {
      String who = callback.path("callback").path("user").path("name").asText();
      api.post("/answers?callback_id=" + callback.path("callback").path("callback_id").asText(),
          "{\"notification\":\"Noted, " + who + "\"}");
    }

    List<String> shown = new ArrayList<>();
    page.get(group).json().path("notifications").forEach(n -> shown.add(
        n.path("user_id").asLong() + " " + n.path("name").asText() + ": " + n.path("text").asText()));
    assertEquals(List.of(bob.userId() + " Bob: Noted, Bob", alice.userId() + " Alice: Noted, Alice"), shown);
  }

  @Test
  void aMissingFieldIsA400NamingIt() {
    String dialog = "/_emu/chats/" + alice.chatId();
    String mid = poll(alice.chatId(), "poll");
    long chatId = page.post("/_emu/groups", "{\"title\":\"Team\",\"owner_id\":" + alice.userId() + "}").json()
        .path("chat_id").asLong();
    String group = "/_emu/groups/" + chatId;

    assertError("name is required (a string)", page.post("/_emu/users", "{}"));
    assertError("text is required (a string)", page.post(dialog + "/text", "{}"));
    assertError("payload or text is required: the callback button's payload or its text, optionally with"
        + " the mid of its message", page.post(dialog + "/callback", "{\"mid\":\"" + mid + "\"}"));
    assertError("give payload or text, not both: the callback button's payload or its text, optionally"
        + " with the mid of its message", page.post(dialog + "/callback", "{\"payload\":\"poll:tea\",\"text\":\"Tea\"}"));
    assertError("mid is required (a string)", page.post(dialog + "/edit", "{\"text\":\"x\"}"));
    assertError("longitude is required (a number)", page.post(dialog + "/location", "{\"latitude\":1.5}"));
    assertError("title is required (a string)", page.post("/_emu/groups", "{\"owner_id\":" + alice.userId() + "}"));
    assertError("user_id is required: the user_id of a person", page.post(group + "/callback", "{\"text\":\"Tea\"}"));
    assertError("no callback button 'Milk' under message " + mid + "; it has [[Tea, Coffee]]",
        page.post(dialog + "/callback", "{\"text\":\"Milk\"}"));
    assertEquals(List.of(), callbacks(), "a refused press reaches no bot");
  }

  // Read with asText(), a JSON null would rewrite the message to the four letters "null" and the
  // bot would get that as the edit.
  @Test
  void anEditWhoseTextIsNullIsRefusedAndLeavesTheMessageAsItWas() {
    BotMessage sent = alice.sendText("Tea, please");

    BotApiClient.Reply reply = page.post("/_emu/chats/" + alice.chatId() + "/edit",
        "{\"mid\":\"" + sent.mid() + "\",\"text\":null}");

    assertEquals(List.of("Tea, please"), alice.messages().stream().map(BotMessage::text).toList(),
        "the edit answered " + reply.status() + " " + reply.json());
    assertEquals(400, reply.status(), reply.json().toString());
  }

  private static void assertError(String message, BotApiClient.Reply reply) {
    assertEquals("400 " + message, reply.status() + " " + reply.message(), reply.json().toString());
  }
}
