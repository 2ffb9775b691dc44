package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Review of the web chat's {@code /_emu/chats/{id}/edit}: a request whose {@code text} is JSON
 * null is not refused; the field is read with {@code asText()}, so the message is rewritten to
 * the four letters "null" and the bot gets that as the edit.
 */
final class WebChatEditsReviewTest extends EmulatorTest {
  @Test
  void anEditWhoseTextIsNullIsRefusedAndLeavesTheMessageAsItWas() {
    EmulatedUser alice = emulator.user("Alice");
    BotMessage sent = alice.sendText("Tea, please");
    BotApiClient web = new BotApiClient(emulator.baseUrl(), null);

    BotApiClient.Reply reply = web.post("/_emu/chats/" + alice.chatId() + "/edit",
        "{\"mid\":\"" + sent.mid() + "\",\"text\":null}");

    assertEquals(List.of("Tea, please"), alice.messages().stream().map(BotMessage::text).toList(),
        "the edit answered " + reply.status() + " " + reply.json());
    assertEquals(400, reply.status(), reply.json().toString());
  }
}
