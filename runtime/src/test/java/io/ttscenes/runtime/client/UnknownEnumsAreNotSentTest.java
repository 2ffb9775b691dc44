package io.ttscenes.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ttscenes.api.client.MessageTarget;
import io.ttscenes.api.model.CallbackButton;
import io.ttscenes.api.model.InlineKeyboardAttachmentRequest;
import io.ttscenes.api.model.Intent;
import io.ttscenes.api.model.MessageLinkType;
import io.ttscenes.api.model.NewMessageBody;
import io.ttscenes.api.model.TextFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * UNKNOWN is what a parse yields for a value this version does not know (e.g. a received
 * button's intent, a received link's type); the client rejects it for sender actions and upload
 * types but writes it to the wire as "unknown" inside a message body.
 */
final class UnknownEnumsAreNotSentTest {
  private final ApiServer api = new ApiServer();
  private final OkHttpBotApi client = api.client().build();

  UnknownEnumsAreNotSentTest() throws Exception {
    api.reply(400, "{\"code\":\"proto.payload\",\"message\":\"unknown enum value\"}");
  }

  @AfterEach
  void close() {
    api.close();
  }

  private void rejectedBeforeSending(Executable call) {
    Throwable thrown = assertThrows(Throwable.class, call);
    assertEquals(0, api.server.getRequestCount(),
        "the client sent a request carrying \"unknown\" and got: " + thrown);
    assertEquals(IllegalArgumentException.class, thrown.getClass());
  }

  @Test
  void aButtonWithAnUnknownIntentIsRejectedBeforeSending() {
    CallbackButton button = CallbackButton.of("Buy", "buy", Intent.UNKNOWN);
    rejectedBeforeSending(() -> client.sendMessage(MessageTarget.chat(1), NewMessageBody.of("pick",
        null, List.of(InlineKeyboardAttachmentRequest.of(List.of(List.of(button)))))));
  }

  @Test
  void anUnknownLinkTypeIsRejectedBeforeSending() {
    rejectedBeforeSending(() -> client.sendMessage(MessageTarget.chat(1),
        NewMessageBody.text("see this").withLink(MessageLinkType.UNKNOWN, "mid.1")));
  }

  @Test
  void anUnknownTextFormatIsRejectedBeforeSending() {
    rejectedBeforeSending(() -> client.sendMessage(MessageTarget.chat(1),
        NewMessageBody.of("*hi*", TextFormat.UNKNOWN, List.of())));
  }
}
