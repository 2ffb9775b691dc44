package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class ConversationTest extends EmulatorTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String YES_NO = "{\"text\":\"Sure?\",\"attachments\":[{\"type\":\"inline_keyboard\","
      + "\"payload\":{\"buttons\":[[{\"type\":\"callback\",\"text\":\"Yes\",\"payload\":\"yes\"},"
      + "{\"type\":\"callback\",\"text\":\"No\",\"payload\":\"no\",\"intent\":\"negative\"}]]}}]}";

  private EmulatedUser alice;

  @BeforeEach
  void addAlice() {
    alice = emulator.user("Alice");
  }

  @Test
  void botMessageReachesTheUserAndIsReturned() {
    BotApiClient.Reply reply = api.post("/messages?user_id=" + alice.userId(), BotApiClient.json("text", "Hello"));

    BotMessage seen = alice.awaitMessage(WAIT);
    assertEquals(200, reply.status());
    assertEquals("Hello", seen.text());
    assertEquals(seen.mid(), reply.json().path("message").path("body").path("mid").asText());
    assertEquals(World.BOT_ID, reply.json().path("message").path("sender").path("user_id").asLong());
    assertEquals(alice.userId(), reply.json().path("message").path("recipient").path("user_id").asLong());
  }

  @Test
  void markdownBecomesPlainTextWithMarkup() {
    api.post("/messages?chat_id=" + alice.chatId(),
        BotApiClient.json("text", "Hi **bold** and [site](https://example.com)", "format", "markdown"));

    BotMessage seen = alice.awaitMessage(WAIT);
    JsonNode markup = seen.json().path("body").path("markup");
    assertEquals("Hi bold and site", seen.text());
    assertEquals("strong", markup.get(0).path("type").asText());
    assertEquals(3, markup.get(0).path("from").asInt());
    assertEquals(4, markup.get(0).path("length").asInt());
    assertEquals("https://example.com", markup.get(1).path("url").asText());
  }

  @Test
  void editAndDeleteAreSeenByTheUser() {
    String mid = api.post("/messages?chat_id=" + alice.chatId(), BotApiClient.json("text", "v1"))
        .json().path("message").path("body").path("mid").asText();
    alice.awaitMessage(WAIT);

    assertEquals(200, api.put("/messages?message_id=" + mid, BotApiClient.json("text", "v2")).status());
    assertEquals("v2", alice.awaitEdit(WAIT).text());
    assertEquals("v2", api.get("/messages/" + mid).json().path("body").path("text").asText());

    assertEquals(200, api.delete("/messages?message_id=" + mid).status());
    assertEquals(mid, alice.await(ChatEvent.MessageDeleted.class, WAIT).mid());
    assertEquals(404, api.get("/messages/" + mid).status());
  }

  @Test
  void getMessagesListsTheDialogNewestFirst() {
    alice.sendText("first");
    api.post("/messages?chat_id=" + alice.chatId(), BotApiClient.json("text", "second"));

    JsonNode messages = api.get("/messages?chat_id=" + alice.chatId()).json().path("messages");

    assertEquals(2, messages.size());
    assertEquals("second", messages.get(0).path("body").path("text").asText());
    assertEquals("first", messages.get(1).path("body").path("text").asText());
  }

  @Test
  void callbackAnswerEditsTheMessageAndNotifiesTheUser() {
    api.post("/messages?chat_id=" + alice.chatId(), YES_NO);
    assertEquals(List.of(List.of("Yes", "No")), alice.awaitMessage(WAIT).buttonTexts());

    String callbackId = alice.pressButton("Yes");
    JsonNode update = api.get("/updates?timeout=0").json().path("updates").get(0);
    BotApiClient.Reply answer = api.post("/answers?callback_id=" + callbackId,
        "{\"message\":{\"text\":\"You said yes\",\"attachments\":[]},\"notification\":\"Saved\"}");

    assertEquals("message_callback", update.path("update_type").asText());
    assertEquals("yes", update.path("callback").path("payload").asText());
    assertEquals(callbackId, update.path("callback").path("callback_id").asText());
    assertEquals(alice.userId(), update.path("callback").path("user").path("user_id").asLong());
    assertEquals("Sure?", update.path("message").path("body").path("text").asText());
    assertEquals(200, answer.status());
    assertTrue(answer.json().path("success").asBoolean());
    BotMessage edited = alice.awaitEdit(WAIT);
    assertEquals("You said yes", edited.text());
    assertTrue(edited.buttonTexts().isEmpty());
    assertEquals("Saved", alice.awaitNotification(WAIT));
  }

  @Test
  void answerWithNeitherMessageNorNotificationIsRejected() {
    api.post("/messages?chat_id=" + alice.chatId(), YES_NO);
    String callbackId = alice.pressCallback("no");

    assertEquals(400, api.post("/answers?callback_id=" + callbackId, "{}").status());
    assertEquals(404, api.post("/answers?callback_id=unknown", "{\"notification\":\"x\"}").status());
  }

  @Test
  void constructorAnswerIsShownToTheUser() {
    String session = alice.construct("pizza");
    JsonNode request = api.get("/updates?timeout=0").json().path("updates").get(0);

    BotApiClient.Reply reply = api.post("/answers/constructor?session_id=" + session,
        "{\"messages\":[{\"text\":\"Pizza for you\"}],\"hint\":\"Pick a size\",\"data\":\"step-1\","
            + "\"keyboard\":{\"buttons\":[[{\"type\":\"callback\",\"text\":\"Big\",\"payload\":\"big\"}]]}}");
    ChatEvent.ConstructorAnswered answered = alice.await(ChatEvent.ConstructorAnswered.class, WAIT);
    alice.pressConstructorButton("big");
    JsonNode next = api.get("/updates?timeout=0&marker=2").json().path("updates").get(0);

    assertEquals("message_construction_request", request.path("update_type").asText());
    assertEquals(session, request.path("session_id").asText());
    assertEquals("pizza", request.path("input").path("messages").get(0).path("text").asText());
    assertEquals(200, reply.status());
    assertEquals("Pick a size", answered.answer().path("hint").asText());
    assertEquals("callback", next.path("input").path("input_type").asText());
    assertEquals("step-1", next.path("data").asText());
  }

  @Test
  void finishingTheConstructorSendsTheBuiltMessage() {
    String session = alice.construct("tea");
    api.post("/answers/constructor?session_id=" + session, "{\"messages\":[{\"text\":\"Green tea\"}]}");
    alice.await(ChatEvent.ConstructorAnswered.class, WAIT);

    alice.finishConstruction();
    JsonNode updates = api.get("/updates?timeout=0").json().path("updates");
    JsonNode constructed = updates.get(updates.size() - 1);

    assertEquals("message_constructed", constructed.path("update_type").asText());
    assertEquals(session, constructed.path("session_id").asText());
    assertEquals("Green tea", constructed.path("message").path("body").path("text").asText());
    assertEquals(alice.userId(), constructed.path("message").path("sender").path("user_id").asLong());
    assertEquals(404, api.post("/answers/constructor?session_id=" + session, "{}").status());
  }

  @Test
  void userActionsProduceTheirUpdates() {
    alice.shareContact("+15550001111");
    alice.shareLocation(59.93, 30.33);
    alice.startWithPayload("ref-42");

    JsonNode updates = api.get("/updates?timeout=0").json().path("updates");

    JsonNode contact = updates.get(0).path("message").path("body").path("attachments").get(0);
    JsonNode location = updates.get(1).path("message").path("body").path("attachments").get(0);
    assertEquals("contact", contact.path("type").asText());
    assertTrue(contact.path("payload").path("vcf_info").asText().contains("+15550001111"));
    assertEquals(alice.userId(), contact.path("payload").path("tam_info").path("user_id").asLong());
    assertEquals(59.93, location.path("latitude").asDouble());
    assertEquals("bot_started", updates.get(2).path("update_type").asText());
    assertEquals("ref-42", updates.get(2).path("payload").asText());
    assertEquals(alice.chatId(), updates.get(2).path("chat_id").asLong());
  }

  @Test
  void deepLinkPayloadLongerThan128CharsIsOmittedButTheBotIsStillStarted() {
    String longest = "p".repeat(128);
    alice.startWithPayload(longest);
    alice.startWithPayload(longest + "q");
    alice.startWithPayload("x".repeat(EmulatedUser.DEEP_LINK_PAYLOAD + 1));

    JsonNode updates = api.get("/updates?timeout=0&types=bot_started").json().path("updates");

    assertEquals(3, updates.size());
    assertEquals(longest, updates.get(0).path("payload").asText());
    assertTrue(updates.get(1).path("payload").isNull(), updates.get(1).toString());
    assertTrue(updates.get(2).path("payload").isNull(), updates.get(2).toString());
    assertEquals(alice.chatId(), updates.get(2).path("chat_id").asLong());
  }

  @Test
  void chatsMembersPinsAndActionsWork() {
    String mid = api.post("/messages?chat_id=" + alice.chatId(), BotApiClient.json("text", "pin me"))
        .json().path("message").path("body").path("mid").asText();
    String chat = "/chats/" + alice.chatId();

    JsonNode chats = api.get("/chats").json();
    JsonNode byLink = api.get("/chats/@" + alice.json().path("username").asText()).json();
    JsonNode members = api.get(chat + "/members").json().path("members");
    api.put(chat + "/pin", BotApiClient.json("message_id", mid));
    JsonNode pinned = api.get(chat + "/pin").json();
    api.post(chat + "/actions", BotApiClient.json("action", "typing_on"));

    assertEquals(alice.chatId(), chats.path("chats").get(0).path("chat_id").asLong());
    assertEquals("dialog", chats.path("chats").get(0).path("type").asText());
    assertTrue(chats.path("marker").isNull());
    assertEquals(alice.chatId(), byLink.path("chat_id").asLong());
    assertEquals(2, members.size());
    assertEquals("pin me", pinned.path("message").path("body").path("text").asText());
    assertEquals("typing_on", alice.await(ChatEvent.ActionShown.class, WAIT).action());
    assertEquals(400, api.post(chat + "/actions", BotApiClient.json("action", "dancing")).status());
    assertEquals(200, api.delete(chat + "/pin").status());
    assertTrue(api.get(chat + "/pin").json().path("message").isNull());
    assertFalse(api.get(chat + "/members/me").json().path("is_owner").asBoolean());
  }
}
