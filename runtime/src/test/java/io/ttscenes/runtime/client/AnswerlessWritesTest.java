package io.ttscenes.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.client.ApiUnavailableException;
import io.ttscenes.api.client.MalformedResponseException;
import io.ttscenes.api.client.MessageTarget;
import io.ttscenes.api.model.CallbackAnswer;
import io.ttscenes.api.model.NewMessageBody;
import io.ttscenes.runtime.json.WireJson;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's write calls that skip reading their answer, as the engine uses them for outboxes. */
final class AnswerlessWritesTest {
  private final ApiServer api = new ApiServer();
  private final OkHttpBotApi client = api.client().build();

  AnswerlessWritesTest() throws Exception {}

  @AfterEach
  void stop() {
    api.close();
  }

  private static String wire(RecordedRequest request) {
    return request.getMethod() + " " + request.getUrl() + " " + request.getBody().utf8();
  }

  @Test
  void unreadSendMessageSendsExactlyWhatSendMessageSends() throws Exception {
    api.reply("{\"message\":{\"timestamp\":1,\"body\":{\"mid\":\"mid.1\",\"seq\":1}}}");
    api.reply("{\"message\":{\"timestamp\":1,\"body\":{\"mid\":\"mid.2\",\"seq\":2}}}");
    MessageTarget target = MessageTarget.user(7).withoutLinkPreview();
    NewMessageBody body = NewMessageBody.text("see https://example.org");

    client.sendMessage(target, body);
    client.sendMessageUnread(target, body);

    String read = wire(api.take());
    String unread = wire(api.take());
    assertEquals(read, unread);
    assertTrue(unread.contains("user_id=7") && unread.contains("disable_link_preview=true"), unread);
  }

  @Test
  void unreadSendMessageWithItsBodyAlreadyWrittenSendsExactlyWhatSendMessageSends() throws Exception {
    api.reply("{\"message\":{\"timestamp\":1,\"body\":{\"mid\":\"mid.1\",\"seq\":1}}}");
    api.reply("{\"message\":{\"timestamp\":1,\"body\":{\"mid\":\"mid.2\",\"seq\":2}}}");
    MessageTarget target = MessageTarget.chat(-70);
    NewMessageBody body = NewMessageBody.text("Привет, *мир* \"quoted\"");
    String written = WireJson.MAPPER.writeValueAsString(body);

    client.sendMessage(target, body);
    client.sendMessageUnread(target, body, written);

    assertEquals(wire(api.take()), wire(api.take()));
  }

  @Test
  void aBodyAlreadyWrittenIsStillCheckedAgainstTheLimitsBeforeAnyRequest() throws Exception {
    NewMessageBody tooLong = NewMessageBody.text("x".repeat(4001));
    String written = WireJson.MAPPER.writeValueAsString(tooLong);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client.sendMessageUnread(MessageTarget.chat(1), tooLong, written));

    assertTrue(e.getMessage().contains("4001"), e.getMessage());
    assertEquals(0, api.server.getRequestCount(), "nothing was sent");
  }

  @Test
  void unreadAnswerOnCallbackSendsExactlyWhatAnswerOnCallbackSends() throws Exception {
    api.reply("{\"success\":true}");
    api.reply("{\"success\":true}");

    client.answerOnCallback("cb.1", CallbackAnswer.notification("Saved"));
    client.answerOnCallbackUnread("cb.1", CallbackAnswer.notification("Saved"));

    assertEquals(wire(api.take()), wire(api.take()));
  }

  @Test
  void anyJsonObjectAnswerCountsAsSentEvenWhenItIsNotTheModelsShape() {
    api.reply("{\"message\":[1,{\"x\":null}],\"extra\":\"field\"}");

    client.sendMessageUnread(MessageTarget.chat(5), NewMessageBody.text("hi"));

    assertEquals(1, api.server.getRequestCount());
  }

  @Test
  void answerThatIsNotACompleteJsonObjectIsMalformedAndNotRetried() {
    for (String body : List.of("null", "", "[]", "{\"message\":{\"timestamp\":")) {
      api.reply(body);
    }

    for (String body : List.of("null", "", "[]", "{\"message\":{\"timestamp\":")) {
      MalformedResponseException e = assertThrows(MalformedResponseException.class,
          () -> client.sendMessageUnread(MessageTarget.chat(5), NewMessageBody.text("once")),
          "answer '" + body + "'");
      assertEquals("sendMessage", e.operation());
      assertEquals(200, e.status());
      assertTrue(e.getMessage().startsWith("sendMessage: HTTP 200 body is not a valid JSON object ("),
          e.getMessage());
    }
    assertEquals(4, api.server.getRequestCount());
  }

  @Test
  void unreadCallsCheckTheirArgumentsAndFailLikeTheReadingOnes() {
    api.reply(500, "{\"code\":\"internal.error\",\"message\":\"oops\"}");

    assertThrows(IllegalArgumentException.class,
        () -> client.answerOnCallbackUnread(" ", CallbackAnswer.notification("x")));
    ApiUnavailableException e = assertThrows(ApiUnavailableException.class,
        () -> client.sendMessageUnread(MessageTarget.chat(5), NewMessageBody.text("once")));

    assertEquals(1, api.server.getRequestCount());
    assertEquals("sendMessage failed: HTTP 500 internal.error: oops; not retried because POST "
        + "is not idempotent", e.getMessage());
  }
}
