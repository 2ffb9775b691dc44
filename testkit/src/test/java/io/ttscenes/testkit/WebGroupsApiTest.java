package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web chat's group routes under /_emu/groups over real HTTP: what the bot gets and what the page sees. */
final class WebGroupsApiTest extends EmulatorTest {
  private static final String KEYBOARD = "{\"text\":\"Tea?\",\"attachments\":[{\"type\":\"inline_keyboard\","
      + "\"payload\":{\"buttons\":[[{\"type\":\"callback\",\"text\":\"Tea\",\"payload\":\"tea\"}]]}}]}";

  private BotApiClient page;
  private EmulatedUser alice;
  private EmulatedUser bob;
  private EmulatedUser carol;
  private long marker = 1;

  /** Every message in the same millisecond, as fast HTTP calls often are. */
  @Override
  Clock clock() {
    return Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
  }

  @BeforeEach
  void people() {
    page = new BotApiClient(emulator.baseUrl(), null);
    alice = emulator.user("Alice");
    bob = emulator.user("Bob");
    carol = emulator.user("Carol");
  }

  private long createTeam() {
    BotApiClient.Reply created = page.post("/_emu/groups", "{\"title\":\"Team\",\"owner_id\":"
        + alice.userId() + ",\"member_ids\":[" + bob.userId() + "]}");
    assertEquals(200, created.status(), created.json().toString());
    return created.json().path("chat_id").asLong();
  }

  private List<JsonNode> drain() {
    JsonNode batch = api.get("/updates?timeout=0&marker=" + marker).json();
    marker = batch.path("marker").asLong();
    List<JsonNode> updates = new ArrayList<>();
    batch.path("updates").forEach(updates::add);
    return updates;
  }

  private JsonNode view(long chatId) {
    return page.get("/_emu/groups/" + chatId).json();
  }

  /** Posts {@code text} as {@code who} and returns its mid. */
  private String say(String group, EmulatedUser who, String text) {
    assertEquals(200, page.post(group + "/text", "{\"user_id\":" + who.userId() + ",\"text\":\"" + text + "\"}")
        .status());
    JsonNode messages = page.get(group).json().path("messages");
    return messages.get(messages.size() - 1).path("body").path("mid").asText();
  }

  private static List<String> texts(JsonNode nodes, String field) {
    List<String> result = new ArrayList<>();
    nodes.forEach(n -> result.add(n.path(field).asText()));
    return result;
  }

  @Test
  void creatorOwnsTheGroupAndAddsTheBot() {
    long chatId = createTeam();

    List<JsonNode> updates = drain();
    JsonNode view = view(chatId);

    assertTrue(chatId < 0, "a group chat id is negative: " + chatId);
    assertEquals(1, updates.size(), updates.toString());
    assertEquals("bot_added", updates.get(0).path("update_type").asText());
    assertEquals(alice.userId(), updates.get(0).path("user").path("user_id").asLong());
    assertEquals("Team", view.path("title").asText());
    assertEquals("active", view.path("bot_status").asText());
    assertEquals(List.of("Alice", "Bob"), texts(view.path("members"), "name"));
    assertEquals(List.of("Alice created the group \u201cTeam\u201d", "Alice added the bot"),
        texts(view.path("system"), "text"));
    assertEquals(List.of("Team"), texts(page.get("/_emu/groups").json().path("groups"), "title"));
  }

  @Test
  void eachMemberPostsAndPressesAsThemselves() {
    long chatId = createTeam();
    drain();

    page.post("/_emu/groups/" + chatId + "/text", "{\"user_id\":" + bob.userId() + ",\"text\":\"hi\"}");
    String mid = api.post("/messages?chat_id=" + chatId, KEYBOARD).json().path("message").path("body")
        .path("mid").asText();
    BotApiClient.Reply pressed = page.post("/_emu/groups/" + chatId + "/callback",
        "{\"user_id\":" + alice.userId() + ",\"mid\":\"" + mid + "\",\"payload\":\"tea\"}");

    assertEquals(200, pressed.status(), pressed.json().toString());
    List<JsonNode> updates = drain();
    assertEquals(2, updates.size(), updates.toString());
    JsonNode message = updates.get(0).path("message");
    assertEquals("hi", message.path("body").path("text").asText());
    assertEquals("Bob", message.path("sender").path("name").asText());
    assertEquals(chatId, message.path("recipient").path("chat_id").asLong());
    JsonNode callback = updates.get(1);
    assertEquals("message_callback", callback.path("update_type").asText());
    assertEquals("Alice", callback.path("callback").path("user").path("name").asText());
    assertEquals("tea", callback.path("callback").path("payload").asText());
    assertEquals(List.of("hi", "Tea?"), bodies(view(chatId)));
  }

  private static List<String> bodies(JsonNode view) {
    List<String> result = new ArrayList<>();
    view.path("messages").forEach(m -> result.add(m.path("body").path("text").asText()));
    return result;
  }

  @Test
  void membershipChangesAreSystemLinesBetweenTheMessages() {
    long chatId = createTeam();
    String group = "/_emu/groups/" + chatId;
    page.post(group + "/members", "{\"by_id\":" + bob.userId() + ",\"user_id\":" + carol.userId() + "}");
    page.post(group + "/text", "{\"user_id\":" + carol.userId() + ",\"text\":\"hello all\"}");
    page.post(group + "/members/remove", "{\"by_id\":" + alice.userId() + ",\"user_id\":" + bob.userId() + "}");
    page.post(group + "/members/remove", "{\"by_id\":" + carol.userId() + ",\"user_id\":" + carol.userId() + "}");
    page.post(group + "/title", "{\"by_id\":" + alice.userId() + ",\"title\":\"Core\"}");

    JsonNode view = view(chatId);

    String said = view.path("messages").get(0).path("body").path("mid").asText();
    List<String> lines = new ArrayList<>();
    view.path("system").forEach(l -> lines.add(l.path("text").asText() + " @"
        + (l.path("after_mid").isNull() ? "start" : l.path("after_mid").asText().equals(said) ? "said" : "?")));
    assertEquals(List.of("Alice created the group \u201cTeam\u201d @start", "Alice added the bot @start",
        "Bob added Carol @start", "Alice removed Bob @said", "Carol left @said",
        "Alice renamed the group to \u201cCore\u201d @said"), lines);
    assertEquals("Core", view.path("title").asText());
    assertEquals(List.of("Alice"), texts(view.path("members"), "name"));
    List<String> types = new ArrayList<>();
    drain().forEach(u -> types.add(u.path("update_type").asText()));
    assertEquals(List.of("bot_added", "user_added", "message_created", "user_removed", "user_removed",
        "chat_title_changed"), types);
  }

  @Test
  void refusesUnknownChatsStrangersAndBadSizesWithClearErrors() {
    long chatId = createTeam();
    String group = "/_emu/groups/" + chatId;

    assertError(404, "No group chat -1", page.post("/_emu/groups/-1/text",
        "{\"user_id\":" + alice.userId() + ",\"text\":\"hi\"}"));
    assertError(404, "No group chat -1", page.get("/_emu/groups/-1"));
    assertError(403, "Carol (user_id " + carol.userId() + ") is not a member of Team",
        page.post(group + "/text", "{\"user_id\":" + carol.userId() + ",\"text\":\"hi\"}"));
    assertError(403, "Carol (by_id " + carol.userId() + ") is not a member of Team",
        page.post(group + "/title", "{\"by_id\":" + carol.userId() + ",\"title\":\"Mine\"}"));
    assertError(404, "No user 5 (user_id)", page.post(group + "/text", "{\"user_id\":5,\"text\":\"hi\"}"));
    assertError(400, "user_id is required: the user_id of a person",
        page.post(group + "/text", "{\"text\":\"hi\"}"));
    assertError(400, "text is 4001 chars; the limit is 4000", page.post(group + "/text",
        "{\"user_id\":" + bob.userId() + ",\"text\":\"" + "x".repeat(4001) + "\"}"));
    assertError(400, "title is 201 chars; it must be 1..200", page.post(group + "/title",
        "{\"by_id\":" + bob.userId() + ",\"title\":\"" + "t".repeat(201) + "\"}"));
    assertError(400, "title is 0 chars; it must be 1..200", page.post("/_emu/groups",
        "{\"title\":\"  \",\"owner_id\":" + alice.userId() + "}"));
    assertError(400, "message mid.x is not in Team", page.post(group + "/callback",
        "{\"user_id\":" + bob.userId() + ",\"mid\":\"mid.x\",\"payload\":\"tea\"}"));
    assertEquals(List.of("Alice created the group \u201cTeam\u201d", "Alice added the bot"),
        texts(view(chatId).path("system"), "text"), "a refused change leaves no line");
    assertEquals(List.of(), bodies(view(chatId)));
  }

  @Test
  void aGroupTitledWithANumberIsRefusedAsTheTextRoutesRefuseOne() {
    BotApiClient.Reply reply = page.post("/_emu/groups", "{\"title\":5,\"owner_id\":" + alice.userId() + "}");

    assertError(400, "title must be a string", reply);
    assertEquals(0, page.get("/_emu/groups").json().path("groups").size(), "no group was created");
  }

  @Test
  void aRenameToANumberIsRefused() {
    long chatId = createTeam();

    BotApiClient.Reply reply = page.post("/_emu/groups/" + chatId + "/title",
        "{\"by_id\":" + alice.userId() + ",\"title\":42}");

    assertEquals(400, reply.status(), reply.json().toString());
    assertEquals("Team", view(chatId).path("title").asText());
  }

  @Test
  void aMemberNamedWhereAnIdBelongsIsABadRequestNotAnUnknownUserZero() {
    BotApiClient.Reply reply = page.post("/_emu/groups", "{\"title\":\"Team\",\"owner_id\":" + alice.userId()
        + ",\"member_ids\":[\"Bob\"]}");

    assertEquals(400, reply.status(), reply.json().toString());
    assertTrue(reply.message().contains("member_ids"), reply.message());
  }

  @Test
  void theViewsVersionMovesWhenTheGroupIsRenamedSoAParkedPollSeesIt() {
    String group = "/_emu/groups/" + createTeam();
    long before = page.get(group).json().path("version").asLong();

    page.post(group + "/title", "{\"by_id\":" + alice.userId() + ",\"title\":\"Core\"}");
    JsonNode after = page.get(group + "?after=" + before + "&wait=0").json();

    assertEquals("Core", after.path("title").asText());
    assertTrue(after.path("version").asLong() > before, "the title and the system lines changed but the view "
        + "still says version " + after.path("version") + ", so a poll with after=" + before + " stays parked: " + after);
  }

  @Test
  void aSystemLineWhoseMessageWasDeletedStaysBeforeTheMessagesThatCameAfterIt() {
    String group = "/_emu/groups/" + createTeam();
    String one = say(group, alice, "one");
    page.post(group + "/members", "{\"by_id\":" + alice.userId() + ",\"user_id\":" + carol.userId() + "}");
    String two = say(group, bob, "two");

    page.post(group + "/delete", "{\"user_id\":" + alice.userId() + ",\"mid\":\"" + one + "\"}");
    JsonNode added = page.get(group).json().path("system").get(2);

    assertEquals("Alice added Carol", added.path("text").asText());
    assertTrue(added.path("after_mid").isNull(), "the line came before \u201ctwo\u201d (" + two
        + ") but is now shown after it: " + added);
  }

  private static void assertError(int status, String message, BotApiClient.Reply reply) {
    assertEquals(status + " " + message, reply.status() + " " + reply.message(), reply.json().toString());
  }
}
