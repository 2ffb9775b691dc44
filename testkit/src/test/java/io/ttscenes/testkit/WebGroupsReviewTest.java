package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Review of the web chat's group routes: wrong-typed fields, the view's version and where system lines go. */
final class WebGroupsReviewTest {
  private Emulator emulator;
  private BotApiClient page;
  private EmulatedUser alice;
  private EmulatedUser bob;
  private EmulatedUser carol;

  @BeforeEach
  void start() {
    // every message in the same millisecond, as fast HTTP calls often are
    emulator = Emulator.builder().port(0)
        .clock(Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC)).start();
    page = new BotApiClient(emulator.baseUrl(), null);
    alice = emulator.user("Alice");
    bob = emulator.user("Bob");
    carol = emulator.user("Carol");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private String createTeam() {
    BotApiClient.Reply created = page.post("/_emu/groups", "{\"title\":\"Team\",\"owner_id\":"
        + alice.userId() + ",\"member_ids\":[" + bob.userId() + "]}");
    assertEquals(200, created.status(), created.json().toString());
    return "/_emu/groups/" + created.json().path("chat_id").asLong();
  }

  private String say(String group, EmulatedUser who, String text) {
    assertEquals(200, page.post(group + "/text", "{\"user_id\":" + who.userId() + ",\"text\":\"" + text + "\"}")
        .status());
    JsonNode messages = page.get(group).json().path("messages");
    return messages.get(messages.size() - 1).path("body").path("mid").asText();
  }

  @Test
  void aGroupTitledWithANumberIsRefusedAsTheTextRoutesRefuseOne() {
    BotApiClient.Reply reply = page.post("/_emu/groups", "{\"title\":5,\"owner_id\":" + alice.userId() + "}");

    assertEquals("400 title must be a string", reply.status() + " " + reply.message(), reply.json().toString());
    assertEquals(0, page.get("/_emu/groups").json().path("groups").size(), "no group was created");
  }

  @Test
  void aRenameToANumberIsRefused() {
    String group = createTeam();

    BotApiClient.Reply reply = page.post(group + "/title", "{\"by_id\":" + alice.userId() + ",\"title\":42}");

    assertEquals(400, reply.status(), reply.json().toString());
    assertEquals("Team", page.get(group).json().path("title").asText());
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
    String group = createTeam();
    long before = page.get(group).json().path("version").asLong();

    page.post(group + "/title", "{\"by_id\":" + alice.userId() + ",\"title\":\"Core\"}");
    JsonNode after = page.get(group + "?after=" + before + "&wait=0").json();

    assertEquals("Core", after.path("title").asText());
    assertTrue(after.path("version").asLong() > before, "the title and the system lines changed but the view "
        + "still says version " + after.path("version") + ", so a poll with after=" + before + " stays parked: " + after);
  }

  @Test
  void aSystemLineWhoseMessageWasDeletedStaysBeforeTheMessagesThatCameAfterIt() {
    String group = createTeam();
    String one = say(group, alice, "one");
    page.post(group + "/members", "{\"by_id\":" + alice.userId() + ",\"user_id\":" + carol.userId() + "}");
    String two = say(group, bob, "two");

    page.post(group + "/delete", "{\"user_id\":" + alice.userId() + ",\"mid\":\"" + one + "\"}");
    JsonNode added = page.get(group).json().path("system").get(2);

    assertEquals("Alice added Carol", added.path("text").asText());
    assertTrue(added.path("after_mid").isNull(), "the line came before \u201ctwo\u201d (" + two
        + ") but is now shown after it: " + added);
  }
}
