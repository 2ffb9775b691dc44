package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Users editing and deleting their own messages: the updates the bot gets and the history the API shows. */
final class UserEditsTest extends EmulatorTest {
  private EmulatedUser alice;
  private EmulatedUser bob;
  private long marker = 1;

  @BeforeEach
  void createUsers() {
    alice = emulator.user("Alice", "fr");
    bob = emulator.user("Bob");
  }

  /** Takes every update published so far and acknowledges them. */
  private List<JsonNode> drain(BotApiClient client) {
    JsonNode page = client.get("/updates?timeout=0&marker=" + marker).json();
    marker = page.path("marker").asLong();
    List<JsonNode> updates = new ArrayList<>();
    page.path("updates").forEach(updates::add);
    return updates;
  }

  private List<String> history(long chatId) {
    List<String> texts = new ArrayList<>();
    api.get("/messages?chat_id=" + chatId).json().path("messages")
        .forEach(m -> texts.add(0, m.path("body").path("text").asText()));
    return texts;
  }

  private static List<String> types(List<JsonNode> updates) {
    return updates.stream().map(u -> u.path("update_type").asText()).toList();
  }

  @Test
  void anEditInADialogReachesTheBotAsTheSameMessageWithTheNewText() {
    BotMessage sent = alice.sendText("Tea, please");
    JsonNode created = drain(api).get(0);

    BotMessage edited = alice.editLastMessage("Coffee, please");
    List<JsonNode> updates = drain(api);

    assertEquals(List.of("message_edited"), types(updates));
    JsonNode message = updates.get(0).path("message");
    assertEquals(sent.mid(), message.path("body").path("mid").asText());
    assertEquals(created.path("message").path("body").path("seq"), message.path("body").path("seq"));
    assertEquals("Coffee, please", message.path("body").path("text").asText());
    assertEquals(alice.userId(), message.path("sender").path("user_id").asLong());
    assertEquals(alice.chatId(), message.path("recipient").path("chat_id").asLong());
    assertEquals("dialog", message.path("recipient").path("chat_type").asText());
    assertEquals(created.path("message").path("timestamp"), message.path("timestamp"),
        "the message keeps the time it was written; the update has the time of the edit");
    assertTrue(updates.get(0).path("timestamp").asLong() >= created.path("timestamp").asLong());
    assertEquals("Coffee, please", edited.text());
    assertEquals(List.of("Coffee, please"), history(alice.chatId()));
    assertEquals("Coffee, please", api.get("/messages/" + sent.mid()).json().path("body").path("text").asText());
  }

  @Test
  void aDeletionInADialogReachesTheBotAndTheMessageIsGone() {
    BotMessage first = alice.sendText("first");
    alice.sendText("second");
    drain(api);

    BotMessage deleted = alice.deleteMessage(first.mid());
    List<JsonNode> updates = drain(api);

    assertEquals(List.of("message_removed"), types(updates));
    JsonNode removed = updates.get(0);
    assertEquals(first.mid(), removed.path("message_id").asText());
    assertEquals(alice.chatId(), removed.path("chat_id").asLong());
    assertEquals(alice.userId(), removed.path("user_id").asLong());
    assertTrue(removed.path("timestamp").isIntegralNumber(), removed.toString());
    assertEquals("first", deleted.text());
    assertEquals(List.of("second"), history(alice.chatId()));
    assertEquals(404, api.get("/messages/" + first.mid()).status());
    assertEquals(List.of("second"), alice.messages().stream().map(BotMessage::text).toList());
  }

  @Test
  void anEarlierMessageCanBeEditedByItsMidAndKeepsItsAttachments() {
    BotMessage contact = alice.shareContact("+15550001");
    alice.sendText("later");

    BotMessage edited = alice.editMessage(contact.mid(), "my number");

    assertEquals("my number", edited.text());
    assertEquals("contact", edited.attachments().get(0).path("type").asText());
    assertEquals(List.of("my number", "later"), history(alice.chatId()));
  }

  @Test
  void editsOfOneMessageInOneMillisecondStillDifferForTheBot() {
    Clock still = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
    try (Emulator frozen = Emulator.builder().clock(still).start()) {
      BotApiClient client = new BotApiClient(frozen);
      EmulatedUser carol = frozen.user("Carol");
      carol.sendText("one");
      drain(client);

      carol.editLastMessage("two");
      carol.editLastMessage("three");
      List<JsonNode> updates = drain(client);

      assertEquals(List.of("message_edited", "message_edited"), types(updates));
      assertTrue(updates.get(1).path("timestamp").asLong() > updates.get(0).path("timestamp").asLong(),
          "the bot tells edits of one message apart by their time: " + updates);
    }
  }

  @Test
  void usersChangeOnlyTheirOwnMessagesAndSayWhyNot() {
    api.post("/messages?user_id=" + alice.userId(), BotApiClient.json("text", "Hello from the bot"));
    BotMessage fromBot = alice.awaitMessage(Duration.ofSeconds(5));

    IllegalArgumentException botsMessage = assertThrows(IllegalArgumentException.class,
        () -> alice.editMessage(fromBot.mid(), "hacked"));
    IllegalArgumentException elsewhere = assertThrows(IllegalArgumentException.class,
        () -> bob.deleteMessage(fromBot.mid()));
    IllegalStateException nothingYet = assertThrows(IllegalStateException.class, alice::deleteLastMessage);
    alice.sendText("hi");
    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> alice.editLastMessage("x".repeat(4001)));
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> alice.editLastMessage(""));

    assertEquals("Alice did not write message " + fromBot.mid() + " in the dialog of Alice and cannot change it",
        botsMessage.getMessage());
    assertEquals("message " + fromBot.mid() + " is not in the dialog of Bob", elsewhere.getMessage());
    assertEquals("Alice has written no message in the dialog of Alice", nothingYet.getMessage());
    assertEquals("text is 4001 chars; the limit is 4000", tooLong.getMessage());
    assertTrue(empty.getMessage().startsWith("text is empty and message "), empty.getMessage());
    assertEquals(List.of("Hello from the bot", "hi"), history(alice.chatId()));
  }

  @Test
  void groupEditsAndDeletionsReachTheBotOnlyWhileItIsAMember() {
    EmulatedChat team = emulator.groupChat("Team", alice, bob);
    team.addBot(alice);
    BotMessage hi = team.sendText(bob, "hi all");
    team.sendText(alice, "hello Bob");
    drain(api);

    team.editLastMessage(bob, "hi everyone");
    team.deleteMessage(bob, hi.mid());
    List<JsonNode> updates = drain(api);
    team.removeBot(alice);
    drain(api);
    team.sendText(bob, "the bot is gone");
    team.editLastMessage(bob, "the bot left");
    team.deleteLastMessage(alice);

    assertEquals(List.of("message_edited", "message_removed"), types(updates));
    JsonNode message = updates.get(0).path("message");
    assertEquals(hi.mid(), message.path("body").path("mid").asText());
    assertEquals("hi everyone", message.path("body").path("text").asText());
    assertEquals(bob.userId(), message.path("sender").path("user_id").asLong());
    assertEquals(team.chatId(), message.path("recipient").path("chat_id").asLong());
    assertEquals("chat", message.path("recipient").path("chat_type").asText());
    assertFalse(updates.get(0).has("user_locale"), updates.get(0).toString());
    JsonNode removed = updates.get(1);
    assertEquals(hi.mid(), removed.path("message_id").asText());
    assertEquals(team.chatId(), removed.path("chat_id").asLong());
    assertEquals(bob.userId(), removed.path("user_id").asLong());
    assertEquals(List.of(), drain(api), "nothing reaches a bot that is no member");
    assertEquals(List.of("the bot left"), team.messages().stream().map(BotMessage::text).toList());
  }

  @Test
  void membersChangeOnlyTheirOwnGroupMessages() {
    EmulatedChat team = emulator.groupChat("Team", alice, bob);
    EmulatedUser carol = emulator.user("Carol");
    BotMessage fromBob = team.sendText(bob, "mine");
    team.rename("Dream team", alice);

    IllegalArgumentException owner = assertThrows(IllegalArgumentException.class,
        () -> team.editMessage(alice, fromBob.mid(), "not yours"));
    IllegalArgumentException outsider = assertThrows(IllegalArgumentException.class,
        () -> team.deleteLastMessage(carol));

    assertEquals("Alice did not write message " + fromBob.mid() + " in Dream team and cannot change it",
        owner.getMessage());
    assertEquals("Carol is not a member of Dream team", outsider.getMessage());
    assertEquals(List.of("mine"), team.messages().stream().map(BotMessage::text).toList());
  }

  @Test
  void aChannelsAdminEditsAndDeletesItsPostsWhichHaveNoSender() {
    EmulatedChat news = emulator.channel("News", alice, bob);
    news.addBot(alice);
    news.sendText(alice, "Issue 1");
    drain(api);

    news.editLastMessage(alice, "Issue 1 (fixed)");
    BotMessage deleted = news.deleteLastMessage(alice);
    List<JsonNode> updates = drain(api);

    assertThrows(IllegalStateException.class, () -> news.editLastMessage(bob, "subscribers do not post"));
    assertEquals(List.of("message_edited", "message_removed"), types(updates));
    assertTrue(updates.get(0).path("message").path("sender").isNull(), updates.get(0).toString());
    assertEquals("channel", updates.get(0).path("message").path("recipient").path("chat_type").asText());
    assertEquals(alice.userId(), updates.get(1).path("user_id").asLong());
    assertEquals("Issue 1 (fixed)", deleted.text());
    assertEquals(List.of(), news.messages());
  }
}
