package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group chats over real HTTP: the updates the bot gets, and what the API answers and refuses. */
final class GroupChatTest extends EmulatorTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String VOTE = "{\"text\":\"Tea or coffee?\",\"attachments\":[{\"type\":"
      + "\"inline_keyboard\",\"payload\":{\"buttons\":[[{\"type\":\"callback\",\"text\":\"Tea\","
      + "\"payload\":\"tea\"},{\"type\":\"callback\",\"text\":\"Coffee\",\"payload\":\"coffee\"}]]}}]}";

  private EmulatedUser alice;
  private EmulatedUser bob;
  private EmulatedUser carol;
  private EmulatedChat team;
  private long marker = 1;

  @BeforeEach
  void createTeam() {
    alice = emulator.user("Alice");
    bob = emulator.user("Bob", "de");
    carol = emulator.user("Carol");
    team = emulator.groupChat("Team", alice, bob);
  }

  /** Takes every update published so far and acknowledges them. */
  private List<JsonNode> drain() {
    JsonNode page = api.get("/updates?timeout=0&marker=" + marker).json();
    marker = page.path("marker").asLong();
    List<JsonNode> updates = new ArrayList<>();
    page.path("updates").forEach(updates::add);
    return updates;
  }

  private String chat() {
    return "/chats/" + team.chatId();
  }

  @Test
  void addingTheBotDeliversBotAddedAndThenTheChatsMessages() {
    team.sendText(alice, "before the bot");
    team.addBot(alice);
    team.sendText(bob, "hi bot");

    List<JsonNode> updates = drain();

    assertTrue(team.chatId() < 0, "group chat ids are negative: " + team.chatId());
    assertEquals(2, updates.size(), updates.toString());
    JsonNode added = updates.get(0);
    assertEquals("bot_added", added.path("update_type").asText());
    assertEquals(team.chatId(), added.path("chat_id").asLong());
    assertEquals(alice.userId(), added.path("user").path("user_id").asLong());
    assertFalse(added.path("is_channel").asBoolean(true));
    JsonNode created = updates.get(1);
    JsonNode recipient = created.path("message").path("recipient");
    assertEquals("message_created", created.path("update_type").asText());
    assertEquals("hi bot", created.path("message").path("body").path("text").asText());
    assertEquals(bob.userId(), created.path("message").path("sender").path("user_id").asLong());
    assertEquals(team.chatId(), recipient.path("chat_id").asLong());
    assertEquals("chat", recipient.path("chat_type").asText());
    assertTrue(recipient.has("user_id") && recipient.path("user_id").isNull(), recipient.toString());
    assertFalse(created.has("user_locale"), "user_locale is for dialogs only: " + created);
    assertEquals(List.of("before the bot", "hi bot"), team.messages().stream().map(BotMessage::text).toList());
  }

  @Test
  void theBotsMessagesGoToTheGroupAndItsButtonsCarryTheChat() {
    team.addBot(alice);
    drain();

    BotApiClient.Reply sent = api.post("/messages?chat_id=" + team.chatId(), VOTE);
    BotMessage seen = team.awaitMessage(WAIT);
    String callbackId = team.pressButton(bob, "Coffee");
    JsonNode pressed = drain().get(0);
    api.post("/answers?callback_id=" + callbackId, BotApiClient.json("notification", "Counted"));

    assertEquals(200, sent.status());
    assertEquals("Tea or coffee?", seen.text());
    assertEquals("chat", sent.json().path("message").path("recipient").path("chat_type").asText());
    assertEquals("message_callback", pressed.path("update_type").asText());
    assertEquals("coffee", pressed.path("callback").path("payload").asText());
    assertEquals(bob.userId(), pressed.path("callback").path("user").path("user_id").asLong());
    assertEquals(team.chatId(), pressed.path("message").path("recipient").path("chat_id").asLong());
    assertEquals("de", pressed.path("user_locale").asText());
    assertEquals("Counted", team.await(ChatEvent.Notification.class, WAIT).text());
    assertTrue(bob.untakenEvents().isEmpty(), "nothing reaches Bob's dialog: " + bob.untakenEvents());
    JsonNode history = api.get("/messages?chat_id=" + team.chatId()).json().path("messages");
    assertEquals("Tea or coffee?", history.get(0).path("body").path("text").asText());
  }

  @Test
  void membershipAndTitleChangesArriveInTheSchemasShapes() {
    team.addBot(alice);
    team.add(carol, alice);
    team.leave(bob);
    team.remove(carol, alice);
    team.add(carol, alice);
    team.rename("Dream team", alice);

    List<JsonNode> updates = drain();

    assertEquals(List.of("bot_added", "user_added", "user_removed", "user_removed", "user_added",
        "chat_title_changed"), updates.stream().map(u -> u.path("update_type").asText()).toList());
    JsonNode invited = updates.get(1);
    assertEquals(carol.userId(), invited.path("user").path("user_id").asLong());
    assertEquals(alice.userId(), invited.path("inviter_id").asLong());
    assertEquals(team.chatId(), invited.path("chat_id").asLong());
    assertTrue(updates.get(2).path("admin_id").isNull(), "Bob left on his own: " + updates.get(2));
    assertEquals(alice.userId(), updates.get(3).path("admin_id").asLong());
    assertTrue(updates.get(4).path("timestamp").asLong() > invited.path("timestamp").asLong(),
        "a second addition must not look like the first one delivered again");
    assertEquals("Dream team", updates.get(5).path("title").asText());
    assertEquals("Dream team", team.title());
    assertEquals(List.of(alice, carol), team.members());
  }

  @Test
  void theBotHearsNothingFromAChatItIsNotInAndTheApiRefusesIt() {
    BotApiClient.Reply unknown = api.get(chat());
    team.addBot(alice);
    team.removeBot(bob);
    team.sendText(alice, "it is gone");

    List<JsonNode> updates = drain();
    BotApiClient.Reply send = api.post("/messages?chat_id=" + team.chatId(), BotApiClient.json("text", "hello?"));
    BotApiClient.Reply members = api.get(chat() + "/members");

    assertEquals(404, unknown.status(), "a chat the bot was never added to does not exist for it");
    assertEquals("chat.not.found", unknown.code());
    assertEquals(List.of("bot_added", "bot_removed"),
        updates.stream().map(u -> u.path("update_type").asText()).toList());
    assertEquals(bob.userId(), updates.get(1).path("user").path("user_id").asLong());
    assertEquals(403, send.status());
    assertEquals("chat.denied", send.code());
    assertEquals(403, members.status());
    assertEquals("chat.denied", members.code());
    assertEquals("removed", api.get(chat()).json().path("status").asText());
    assertEquals(403, api.get("/messages?chat_id=" + team.chatId()).status());
    assertEquals(List.of("it is gone"), team.messages().stream().map(BotMessage::text).toList());
  }

  @Test
  void membersEndpointsReflectTheChat() {
    team.addBot(alice);
    JsonNode members = api.get(chat() + "/members").json();
    JsonNode firstPage = api.get(chat() + "/members?count=2").json();
    JsonNode secondPage = api.get(chat() + "/members?count=2&marker=" + firstPage.path("marker").asLong()).json();
    JsonNode onlyBob = api.get(chat() + "/members?user_ids=" + bob.userId()).json().path("members");
    JsonNode me = api.get(chat() + "/members/me").json();
    JsonNode admins = api.get(chat() + "/members/admins").json().path("members");

    assertEquals(List.of(World.BOT_ID, alice.userId(), bob.userId()), ids(members.path("members")));
    assertTrue(members.path("marker").isNull());
    JsonNode owner = members.path("members").get(1);
    assertTrue(owner.path("is_owner").asBoolean() && owner.path("is_admin").asBoolean(), owner.toString());
    assertTrue(owner.path("permissions").isArray());
    assertTrue(members.path("members").get(2).path("permissions").isNull());
    assertEquals(2, firstPage.path("members").size());
    assertEquals(List.of(bob.userId()), ids(secondPage.path("members")));
    assertEquals(List.of(bob.userId()), ids(onlyBob));
    assertEquals(World.BOT_ID, me.path("user_id").asLong());
    assertTrue(me.path("is_admin").asBoolean());
    assertEquals(List.of(World.BOT_ID, alice.userId()), ids(admins));
  }

  @Test
  void theBotAddsAndRemovesMembersAndLeaves() {
    team.addBot(alice);
    drain();

    BotApiClient.Reply add = api.post(chat() + "/members", "{\"user_ids\":[" + carol.userId() + "]}");
    BotApiClient.Reply remove = api.delete(chat() + "/members?user_id=" + bob.userId());
    BotApiClient.Reply removeOwner = api.delete(chat() + "/members?user_id=" + alice.userId());
    BotApiClient.Reply addNobody = api.post(chat() + "/members", "{\"user_ids\":[1]}");
    BotApiClient.Reply leave = api.delete(chat() + "/members/me");
    BotApiClient.Reply afterLeaving = api.post("/messages?chat_id=" + team.chatId(), BotApiClient.json("text", "hi"));

    assertEquals(200, add.status());
    assertEquals(200, remove.status());
    assertEquals(403, removeOwner.status());
    assertEquals(404, addNobody.status());
    assertEquals(200, leave.status());
    assertEquals(List.of(alice, carol), team.members());
    assertEquals(List.of(), drain(), "the bot's own changes send it no updates");
    assertEquals("left", api.get(chat()).json().path("status").asText());
    assertEquals(403, afterLeaving.status());
    assertEquals("chat.denied", afterLeaving.code());
  }

  @Test
  void aBotThatIsNoAdminGetsNoMembershipUpdatesAndCannotChangeTheChat() {
    team.addBot(alice, false);
    team.join(carol);
    team.sendText(carol, "hello");

    List<JsonNode> updates = drain();
    BotApiClient.Reply patch = api.patch(chat(), BotApiClient.json("title", "Mine"));
    BotApiClient.Reply admins = api.get(chat() + "/members/admins");
    JsonNode info = api.get(chat()).json();

    assertEquals(List.of("bot_added", "message_created"),
        updates.stream().map(u -> u.path("update_type").asText()).toList());
    assertEquals(403, patch.status());
    assertEquals("access.denied", patch.code());
    assertEquals(403, admins.status());
    assertTrue(info.path("owner_id").isNull() && info.path("participants").isNull(), info.toString());
    assertEquals(4, info.path("participants_count").asInt());
  }

  @Test
  void getAndPatchChatShowTitleParticipantsAndPin() {
    team.addBot(alice);
    String mid = api.post("/messages?chat_id=" + team.chatId(), BotApiClient.json("text", "rules"))
        .json().path("message").path("body").path("mid").asText();

    JsonNode patched = api.patch(chat(), BotApiClient.json("title", "Renamed", "pin", mid)).json();
    JsonNode chats = api.get("/chats").json().path("chats");
    BotApiClient.Reply tooLong = api.patch(chat(), BotApiClient.json("title", "x".repeat(201)));

    assertEquals("Renamed", patched.path("title").asText());
    assertEquals("chat", patched.path("type").asText());
    assertEquals("active", patched.path("status").asText());
    assertEquals(3, patched.path("participants_count").asInt());
    assertEquals(alice.userId(), patched.path("owner_id").asLong());
    assertTrue(patched.path("participants").has(Long.toString(bob.userId())), patched.toString());
    assertEquals("rules", patched.path("pinned_message").path("body").path("text").asText());
    assertEquals("Renamed", team.title());
    assertEquals(List.of(alice.chatId(), bob.chatId(), carol.chatId(), team.chatId()), ids(chats, "chat_id"));
    assertEquals(400, tooLong.status());
    assertEquals("title is 201 chars; it must be 1..200", tooLong.message());
  }

  @Test
  void aDialogStillRefusesGroupOnlyCalls() {
    BotApiClient.Reply patch = api.patch("/chats/" + alice.chatId(), BotApiClient.json("title", "x"));
    BotApiClient.Reply leave = api.delete("/chats/" + alice.chatId() + "/members/me");

    assertEquals(403, patch.status());
    assertEquals("access.denied", patch.code());
    assertEquals(403, leave.status());
  }

  @Test
  void membersActOnlyWhenTheyAreInTheChat() {
    IllegalArgumentException outsider = assertThrows(IllegalArgumentException.class,
        () -> team.sendText(carol, "let me in"));
    IllegalArgumentException notAdmin = assertThrows(IllegalArgumentException.class,
        () -> team.remove(alice, bob));

    assertEquals("Carol is not a member of Team", outsider.getMessage());
    assertEquals("Bob is not an admin of Team and cannot remove members", notAdmin.getMessage());
    assertThrows(IllegalStateException.class, () -> team.removeBot(alice));
  }

  @Test
  void aChannelsPostsComeFromTheChannelAndItsUpdatesSaySo() {
    EmulatedChat news = emulator.channel("News", alice, bob);
    news.addBot(alice);
    news.sendText(alice, "Issue 1 is out");
    news.join(carol);

    List<JsonNode> updates = drain();
    JsonNode post = updates.get(1).path("message");
    IllegalArgumentException subscriberPosts = assertThrows(IllegalArgumentException.class,
        () -> news.sendText(bob, "me too"));

    assertTrue(news.isChannel());
    assertEquals(List.of("bot_added", "message_created", "user_added"),
        updates.stream().map(u -> u.path("update_type").asText()).toList());
    assertTrue(updates.get(0).path("is_channel").asBoolean(), updates.get(0).toString());
    assertTrue(updates.get(2).path("is_channel").asBoolean(), updates.get(2).toString());
    assertTrue(updates.get(2).path("inviter_id").isNull());
    assertEquals("channel", post.path("recipient").path("chat_type").asText());
    assertTrue(post.path("sender").isNull(), "a post is on behalf of the channel: " + post);
    assertEquals("Bob only reads the channel News; its admins post", subscriberPosts.getMessage());
    assertEquals("channel", api.get("/chats/" + news.chatId()).json().path("type").asText());
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
    drain();

    assertThrows(IllegalArgumentException.class, () -> news.rename("Bob's news", bob));
    assertEquals("News", news.title());
    assertEquals(List.of(), drain());
  }

  @Test
  void aChannelSubscriberCannotRemoveTheBot() {
    EmulatedChat news = emulator.channel("News", alice, bob);
    news.addBot(alice);
    drain();

    assertThrows(IllegalArgumentException.class, () -> news.removeBot(bob));
    assertEquals("active", news.botStatus().orElseThrow());
    assertEquals(List.of(), drain());
  }

  @Test
  void aChannelSubscriberCannotAddOthersOrTheBot() {
    EmulatedChat news = emulator.channel("News", alice, bob);

    assertThrows(IllegalArgumentException.class, () -> news.addBot(bob));
    news.addBot(alice);
    drain();
    assertThrows(IllegalArgumentException.class, () -> news.add(carol, bob));
    assertEquals(List.of(alice, bob), news.members());
    assertEquals(List.of(), drain());
  }

  @Test
  void chatTitleLimitCountsCharactersAsTheOtherLimitsDo() {
    String emoji = new String(Character.toChars(0x1F600));
    String title = emoji.repeat(150);
    team.addBot(alice);

    BotApiClient.Reply patch = api.patch(chat(), BotApiClient.json("title", title));

    // 150 characters (300 UTF-16 units) is within ChatPatch.title maxLength 200.
    assertEquals(200, patch.status(), patch.json().toString());
    assertEquals(title, team.title());
  }

  @Test
  void theBotCannotForwardAMessageFromAChatItWasRemovedFrom() {
    team.addBot(alice);
    String mid = team.sendText(bob, "the secret plan").mid();
    team.removeBot(alice);
    BotApiClient.Reply read = api.get("/messages/" + mid);

    BotApiClient.Reply forward = api.post("/messages?chat_id=" + carol.chatId(),
        "{\"text\":\"look\",\"link\":{\"type\":\"forward\",\"mid\":\"" + mid + "\"}}");

    assertEquals(403, read.status(), "the emulator itself refuses to show the message");
    assertEquals(403, forward.status(), "nor may the bot forward it: " + forward.json());
    assertEquals(List.of(), carol.messages().stream().map(BotMessage::text).toList());
  }

  @Test
  void aBotThatIsNoAdminCannotDeleteAMembersMessage() {
    team.addBot(alice, false);
    String mid = team.sendText(bob, "my own words").mid();

    BotApiClient.Reply delete = api.delete("/messages?message_id=" + mid);

    // Schema: "Deletes message in a dialog or in a chat if bot has permission to delete messages."
    assertEquals(403, delete.status(), delete.json().toString());
    assertEquals(List.of("my own words"), team.messages().stream().map(BotMessage::text).toList());
  }

  @Test
  void membersByUserIdsIgnoreCountAsTheSchemaSays() {
    team.addBot(alice);

    BotApiClient.Reply members = api.get(chat() + "/members?user_ids=" + bob.userId() + "&count=500");

    // Schema: "When this parameter is passed, both `count` and `marker` are ignored".
    assertEquals(200, members.status(), members.json().toString());
    assertEquals(List.of(bob.userId()), ids(members.json().path("members")));
  }

  @Test
  void membersByUserIdsListsAMemberNamedTwiceOnce() {
    team.addBot(alice);

    BotApiClient.Reply members = api.get(chat() + "/members?user_ids=" + bob.userId() + "," + bob.userId());

    assertEquals(200, members.status(), members.json().toString());
    assertEquals(List.of(bob.userId()), ids(members.json().path("members")));
  }

  @Test
  void membersPagingSkipsNobodyWhenSomeoneOnAnEarlierPageLeaves() {
    EmulatedChat four = emulator.groupChat("Four", alice, bob, carol, emulator.user("Dave"));
    four.addBot(alice);
    String members = "/chats/" + four.chatId() + "/members?count=3";
    JsonNode first = api.get(members).json();
    four.leave(bob);

    JsonNode second = api.get(members + "&marker=" + first.path("marker").asLong()).json();

    List<Long> seen = ids(first.path("members"));
    seen.addAll(ids(second.path("members")));
    // An index marker would shift when Bob (on page one) leaves, and Carol, who never left, would never be listed.
    assertTrue(seen.contains(carol.userId()), "pages listed " + seen);
  }

  @Test
  void aBotRemovedFromTheChatCannotStillAnswerItsCallbacks() {
    team.addBot(alice);
    api.post("/messages?chat_id=" + team.chatId(), VOTE);
    String callbackId = team.pressButton(bob, "Tea");
    team.removeBot(alice);

    BotApiClient.Reply answer = api.post("/answers?callback_id=" + callbackId,
        BotApiClient.json("notification", "Counted"));

    // Every other call about a chat the bot was removed from is 403 chat.denied (an answer with
    // a message is too); a notification alone must be no exception and show nothing in the chat.
    assertEquals(403, answer.status(), answer.json().toString());
    assertEquals(Optional.empty(), team.take(ChatEvent.Notification.class));
  }

  private static List<Long> ids(JsonNode members) {
    return ids(members, "user_id");
  }

  private static List<Long> ids(JsonNode list, String field) {
    List<Long> ids = new ArrayList<>();
    list.forEach(m -> ids.add(m.path(field).asLong()));
    return ids;
  }
}
