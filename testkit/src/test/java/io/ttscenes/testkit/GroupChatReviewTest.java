package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Review of the group chat and channel emulation: each test shows a place where the emulator
 * answers differently from what the schema (or the emulator's own rules) says.
 */
final class GroupChatReviewTest extends EmulatorTest {
  private EmulatedUser alice;
  private EmulatedUser bob;
  private EmulatedUser carol;
  private long marker = 1;

  @BeforeEach
  void createUsers() {
    alice = emulator.user("Alice");
    bob = emulator.user("Bob");
    carol = emulator.user("Carol");
  }

  private List<String> drainTypes() {
    JsonNode page = api.get("/updates?timeout=0&marker=" + marker).json();
    marker = page.path("marker").asLong();
    List<String> types = new ArrayList<>();
    page.path("updates").forEach(u -> types.add(u.path("update_type").asText()));
    return types;
  }

  @Test
  void aBotThatIsNoAdminOfAChannelCannotPostInIt() {
    EmulatedChat news = emulator.channel("News", alice, bob);
    news.addBot(alice, false);

    BotApiClient.Reply post = api.post("/messages?chat_id=" + news.chatId(),
        BotApiClient.json("text", "I am only a subscriber"));

    // The emulator refuses a subscriber's post ("its admins post"); the bot as subscriber is no different.
    assertEquals(403, post.status(), post.json().toString());
    assertEquals(List.of(), news.messages().stream().map(BotMessage::text).toList());
  }

  @Test
  void aChannelSubscriberCannotRenameTheChannel() {
    EmulatedChat news = emulator.channel("News", alice, bob);
    news.addBot(alice);
    drainTypes();

    assertThrows(IllegalArgumentException.class, () -> news.rename("Bob's news", bob));
    assertEquals("News", news.title());
    assertEquals(List.of(), drainTypes());
  }

  @Test
  void aChannelSubscriberCannotRemoveTheBot() {
    EmulatedChat news = emulator.channel("News", alice, bob);
    news.addBot(alice);
    drainTypes();

    assertThrows(IllegalArgumentException.class, () -> news.removeBot(bob));
    assertEquals("active", news.botStatus().orElseThrow());
    assertEquals(List.of(), drainTypes());
  }

  @Test
  void aChannelSubscriberCannotAddOthersOrTheBot() {
    EmulatedChat news = emulator.channel("News", alice, bob);

    assertThrows(IllegalArgumentException.class, () -> news.addBot(bob));
    news.addBot(alice);
    drainTypes();
    assertThrows(IllegalArgumentException.class, () -> news.add(carol, bob));
    assertEquals(List.of(alice, bob), news.members());
    assertEquals(List.of(), drainTypes());
  }

  @Test
  void chatTitleLimitCountsCharactersAsTheOtherLimitsDo() {
    String emoji = new String(Character.toChars(0x1F600));
    String title = emoji.repeat(150);
    EmulatedChat team = emulator.groupChat("Team", alice, bob);
    team.addBot(alice);

    BotApiClient.Reply patch = api.patch("/chats/" + team.chatId(), BotApiClient.json("title", title));

    // 150 characters (300 UTF-16 units) is within ChatPatch.title maxLength 200.
    assertEquals(200, patch.status(), patch.json().toString());
    assertEquals(title, team.title());
  }

  @Test
  void theBotCannotForwardAMessageFromAChatItWasRemovedFrom() {
    EmulatedChat team = emulator.groupChat("Team", alice, bob);
    team.addBot(alice);
    String mid = team.sendText(bob, "the secret plan").mid();
    team.removeBot(alice);
    BotApiClient.Reply read = api.get("/messages/" + mid);

    BotApiClient.Reply forward = api.post("/messages?chat_id=" + carol.chatId(),
        "{\"text\":\"look\",\"link\":{\"type\":\"forward\",\"mid\":\"" + mid + "\"}}");

    assertEquals(403, read.status(), "the emulator itself refuses to show the message");
    assertEquals(403, forward.status(), "but forwards it from a chat the bot is not in: " + forward.json());
    assertEquals(List.of(), carol.messages().stream().map(BotMessage::text).toList());
  }

  @Test
  void aBotThatIsNoAdminCannotDeleteAMembersMessage() {
    EmulatedChat team = emulator.groupChat("Team", alice, bob);
    team.addBot(alice, false);
    String mid = team.sendText(bob, "my own words").mid();

    BotApiClient.Reply delete = api.delete("/messages?message_id=" + mid);

    // Schema: "Deletes message in a dialog or in a chat if bot has permission to delete messages."
    assertEquals(403, delete.status(), delete.json().toString());
    assertEquals(List.of("my own words"), team.messages().stream().map(BotMessage::text).toList());
  }

  @Test
  void membersByUserIdsIgnoreCountAsTheSchemaSays() {
    EmulatedChat team = emulator.groupChat("Team", alice, bob);
    team.addBot(alice);

    BotApiClient.Reply members = api.get("/chats/" + team.chatId() + "/members?user_ids="
        + bob.userId() + "&count=500");

    // Schema: "When this parameter is passed, both `count` and `marker` are ignored".
    assertEquals(200, members.status(), members.json().toString());
    assertEquals(bob.userId(), members.json().path("members").get(0).path("user_id").asLong());
  }

  @Test
  void membersPagingSkipsNobodyWhenSomeoneOnAnEarlierPageLeaves() {
    EmulatedUser dave = emulator.user("Dave");
    EmulatedChat team = emulator.groupChat("Team", alice, bob, carol, dave);
    team.addBot(alice);
    JsonNode first = api.get("/chats/" + team.chatId() + "/members?count=3").json();
    team.leave(bob);

    JsonNode second = api.get("/chats/" + team.chatId() + "/members?count=3&marker="
        + first.path("marker").asLong()).json();

    List<Long> seen = new ArrayList<>();
    first.path("members").forEach(m -> seen.add(m.path("user_id").asLong()));
    second.path("members").forEach(m -> seen.add(m.path("user_id").asLong()));
    // An index marker shifts when Bob (on page one) leaves: Carol, who never left, is never listed.
    assertTrue(seen.contains(carol.userId()), "pages listed " + seen);
  }

  @Test
  void aBotRemovedFromTheChatCannotStillAnswerItsCallbacks() {
    EmulatedChat team = emulator.groupChat("Team", alice, bob);
    team.addBot(alice);
    api.post("/messages?chat_id=" + team.chatId(), "{\"text\":\"Vote\",\"attachments\":[{\"type\":"
        + "\"inline_keyboard\",\"payload\":{\"buttons\":[[{\"type\":\"callback\",\"text\":\"Yes\","
        + "\"payload\":\"yes\"}]]}}]}");
    String callbackId = team.pressButton(bob, "Yes");
    team.removeBot(alice);

    BotApiClient.Reply answer = api.post("/answers?callback_id=" + callbackId,
        BotApiClient.json("notification", "Counted"));

    // Every other call about a chat the bot was removed from is 403 chat.denied (an answer with
    // a message is too); a notification alone still shows in the chat.
    assertEquals(403, answer.status(), answer.json().toString());
    assertEquals(Optional.empty(), team.take(ChatEvent.Notification.class));
  }
}
