package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class AuthAndLimitsTest extends EmulatorTest {
  private EmulatedUser alice;

  @BeforeEach
  void addAlice() {
    alice = emulator.user("Alice");
  }

  @Test
  void missingOrWrongTokenIsRejectedWithVerifyToken() {
    BotApiClient.Reply none = new BotApiClient(emulator.baseUrl(), null).get("/me");
    BotApiClient.Reply wrong = new BotApiClient(emulator.baseUrl(), "nope").get("/me");

    assertEquals(401, none.status());
    assertEquals("verify.token", none.code());
    assertEquals("Invalid access_token", none.message());
    assertEquals(401, wrong.status());
  }

  @Test
  void tokenInAuthorizationHeaderIsAccepted() {
    BotApiClient anonymous = new BotApiClient(emulator.baseUrl(), null);
    BotApiClient.Reply reply = anonymous.send(anonymous.request("/me")
        .header("Authorization", emulator.token()).GET());

    assertEquals(200, reply.status());
    assertEquals("Emulator Bot", reply.json().path("name").asText());
    assertTrue(reply.json().path("is_bot").asBoolean());
  }

  @Test
  void customTokenIsTheOnlyOneAccepted() {
    try (Emulator custom = Emulator.builder().token("s3cret").start()) {
      assertEquals(200, new BotApiClient(custom.baseUrl(), "s3cret").get("/me").status());
      assertEquals(401, new BotApiClient(custom.baseUrl(), Emulator.DEFAULT_TOKEN).get("/me").status());
    }
  }

  @Test
  void patchMeChangesNameAndCommands() {
    BotApiClient.Reply reply = api.patch("/me",
        "{\"name\":\"Helper\",\"commands\":[{\"name\":\"start\",\"description\":\"Begin\"}]}");

    assertEquals(200, reply.status());
    assertEquals("Helper", api.get("/me").json().path("name").asText());
    assertEquals("start", api.get("/me").json().path("commands").get(0).path("name").asText());
  }

  @Test
  void textOverFourThousandCharsIsRejected() {
    BotApiClient.Reply reply = api.post("/messages?user_id=" + alice.userId(),
        BotApiClient.json("text", "x".repeat(4001)));

    assertEquals(400, reply.status());
    assertEquals("proto.payload", reply.code());
    assertEquals("text is 4001 chars; the limit is 4000", reply.message());
  }

  @Test
  void buttonLimitsAreChecked() {
    String longText = keyboard("{\"type\":\"callback\",\"text\":\"" + "b".repeat(129) + "\",\"payload\":\"p\"}");
    String emptyText = keyboard("{\"type\":\"callback\",\"text\":\"\",\"payload\":\"p\"}");
    String longPayload = keyboard("{\"type\":\"callback\",\"text\":\"ok\",\"payload\":\"" + "p".repeat(1025) + "\"}");
    String longUrl = keyboard("{\"type\":\"link\",\"text\":\"ok\",\"url\":\"https://x.io/" + "u".repeat(2040) + "\"}");

    assertEquals("button text is 129 chars; it must be 1..128", sendToAlice(longText).message());
    assertEquals("button text is 0 chars; it must be 1..128", sendToAlice(emptyText).message());
    assertEquals("callback payload is 1025 chars; the limit is 1024", sendToAlice(longPayload).message());
    assertEquals("link url is 2053 chars; the limit is 2048", sendToAlice(longUrl).message());
  }

  private String keyboard(String button) {
    return "{\"text\":\"pick\",\"attachments\":[{\"type\":\"inline_keyboard\",\"payload\":{\"buttons\":[["
        + button + "]]}}]}";
  }

  private BotApiClient.Reply sendToAlice(String body) {
    BotApiClient.Reply reply = api.post("/messages?user_id=" + alice.userId(), body);
    assertEquals(400, reply.status(), reply.json().toString());
    return reply;
  }

  @Test
  void malformedJsonIsBadRequest() {
    BotApiClient.Reply reply = api.post("/messages?chat_id=" + alice.chatId(), "{\"text\": ");

    assertEquals(400, reply.status());
    assertEquals("proto.payload", reply.code());
    assertTrue(reply.message().startsWith("Malformed JSON"), reply.message());
  }

  @Test
  void unknownChatIsNotFound() {
    BotApiClient.Reply send = api.post("/messages?chat_id=424242", BotApiClient.json("text", "hi"));
    BotApiClient.Reply get = api.get("/chats/424242");

    assertEquals(404, send.status());
    assertEquals("chat.not.found", send.code());
    assertEquals(404, get.status());
  }

  @Test
  void pageSizesOutsideTheSchemaAreRejected() {
    assertEquals(400, api.get("/updates?limit=1001&timeout=0").status());
    assertEquals(400, api.get("/updates?timeout=91").status());
    assertEquals(400, api.get("/chats?count=101").status());
    assertEquals(400, api.get("/messages?chat_id=" + alice.chatId() + "&count=0").status());
  }

  @Test
  void unknownPathAndWrongMethodAnswerLikeTheApi() {
    BotApiClient.Reply unknown = api.get("/nowhere");
    BotApiClient.Reply wrongMethod = api.send(api.request("/me").DELETE());

    assertEquals(404, unknown.status());
    assertEquals("not.found", unknown.code());
    assertEquals(405, wrongMethod.status());
    assertEquals("method.not.allowed", wrongMethod.code());
  }

  @Test
  void constructorDataOverEightKilobytesIsRejected() {
    String session = alice.construct("draft");
    BotApiClient.Reply reply = api.post("/answers/constructor?session_id=" + session,
        BotApiClient.json("data", "d".repeat(8193)));

    assertEquals(400, reply.status());
    assertEquals("constructor data is 8193 chars; the limit is 8192", reply.message());
  }

  @Test
  void emptyBodyIsRejected() {
    BotApiClient.Reply reply = api.send(api.request("/messages?chat_id=" + alice.chatId())
        .POST(HttpRequest.BodyPublishers.noBody()));

    assertEquals(400, reply.status());
  }
}
