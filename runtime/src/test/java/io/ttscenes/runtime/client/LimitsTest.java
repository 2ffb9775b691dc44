package io.ttscenes.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ttscenes.api.client.ApiLimits;
import io.ttscenes.api.client.MembersQuery;
import io.ttscenes.api.client.MessageTarget;
import io.ttscenes.api.client.MessagesQuery;
import io.ttscenes.api.client.UpdatesRequest;
import io.ttscenes.api.model.BotCommand;
import io.ttscenes.api.model.BotPatch;
import io.ttscenes.api.model.Button;
import io.ttscenes.api.model.CallbackAnswer;
import io.ttscenes.api.model.CallbackButton;
import io.ttscenes.api.model.ChatButton;
import io.ttscenes.api.model.ChatPatch;
import io.ttscenes.api.model.ConstructorAnswer;
import io.ttscenes.api.model.InlineKeyboardAttachmentRequest;
import io.ttscenes.api.model.KeyboardPayload;
import io.ttscenes.api.model.LinkButton;
import io.ttscenes.api.model.NewMessageBody;
import io.ttscenes.api.model.SenderAction;
import io.ttscenes.api.model.UploadType;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every documented limit is checked before a call, with a message naming value and limit. */
final class LimitsTest {
  private final ApiServer api = new ApiServer();
  private final OkHttpBotApi client = api.client().build();

  LimitsTest() throws Exception {}

  @AfterEach
  void nothingWasSent() {
    assertEquals(0, api.server.getRequestCount(), "an invalid request reached the server");
    api.close();
  }

  private static void rejected(String message, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertEquals(message, e.getMessage());
  }

  private static String chars(int n) {
    return "x".repeat(n);
  }

  private void sendKeyboard(Button button) {
    client.sendMessage(MessageTarget.chat(1), NewMessageBody.of("pick", null,
        List.of(InlineKeyboardAttachmentRequest.of(List.of(List.of(button))))));
  }

  @Test
  void messageText() {
    rejected("message text is 4001 chars; the limit is 4000",
        () -> client.sendMessage(MessageTarget.chat(1), NewMessageBody.text(chars(4001))));
    rejected("message text is 4001 chars; the limit is 4000",
        () -> client.editMessage("mid.1", NewMessageBody.text(chars(4001))));
    rejected("message text is 4001 chars; the limit is 4000", () -> client.answerOnCallback(
        "cb", CallbackAnswer.editMessage(NewMessageBody.text(chars(4001)))));
  }

  @Test
  void buttonText() {
    rejected("button text is 0 chars; it must be 1..128",
        () -> sendKeyboard(CallbackButton.of("", "p")));
    rejected("button text is 129 chars; it must be 1..128",
        () -> sendKeyboard(LinkButton.of(chars(129), "https://example.org")));
  }

  @Test
  void callbackPayload() {
    rejected("callback payload is 1025 chars; the limit is 1024",
        () -> sendKeyboard(CallbackButton.of("ok", chars(1025))));
  }

  @Test
  void linkButtonUrl() {
    rejected("link button url is 2049 chars; the limit is 2048",
        () -> sendKeyboard(LinkButton.of("open", chars(2049))));
  }

  @Test
  void chatButtonFields() {
    rejected("chat button title is 201 chars; the limit is 200",
        () -> sendKeyboard(ChatButton.of("discuss", chars(201))));
    rejected("chat button description is 401 chars; the limit is 400",
        () -> sendKeyboard(new ChatButton("discuss", "t", chars(401), null, null)));
    rejected("chat button start payload is 513 chars; the limit is 512",
        () -> sendKeyboard(new ChatButton("discuss", "t", null, chars(513), null)));
  }

  @Test
  void constructorDataAndKeyboard() {
    rejected("constructor data is 8193 chars; the limit is 8192", () -> client.construct("s",
        new ConstructorAnswer(List.of(), null, null, chars(8193), null, null)));
    rejected("callback payload is 1025 chars; the limit is 1024", () -> client.construct("s",
        new ConstructorAnswer(List.of(), null, null, null,
            new KeyboardPayload(List.of(List.of(CallbackButton.of("a", chars(1025))))), null)));
  }

  @Test
  void botInfo() {
    rejected("bot name is 0 chars; it must be 1..64",
        () -> client.editMyInfo(new BotPatch("", null, null, null)));
    rejected("bot name is 65 chars; it must be 1..64",
        () -> client.editMyInfo(new BotPatch(chars(65), null, null, null)));
    rejected("bot description is 16001 chars; the limit is 16000",
        () -> client.editMyInfo(new BotPatch(null, chars(16001), null, null)));
  }

  @Test
  void botCommands() {
    List<BotCommand> tooMany = Collections.nCopies(33, BotCommand.of("a", "b"));
    rejected("bot commands has 33 items; the limit is 32",
        () -> client.editMyInfo(new BotPatch(null, null, tooMany, null)));
    rejected("bot command name is 65 chars; it must be 1..64", () -> client.editMyInfo(
        new BotPatch(null, null, List.of(BotCommand.of(chars(65), "d")), null)));
    rejected("bot command name is 0 chars; it must be 1..64", () -> client.editMyInfo(
        new BotPatch(null, null, List.of(BotCommand.of("", "d")), null)));
    rejected("bot command description is 129 chars; it must be 1..128", () -> client.editMyInfo(
        new BotPatch(null, null, List.of(BotCommand.of("start", chars(129))), null)));
  }

  @Test
  void chatTitle() {
    rejected("chat title is 0 chars; it must be 1..200",
        () -> client.editChat(1, new ChatPatch(null, "", null, null)));
    rejected("chat title is 201 chars; it must be 1..200",
        () -> client.editChat(1, new ChatPatch(null, chars(201), null, null)));
  }

  @Test
  void pageSizes() {
    rejected("getChats count is 0; it must be 1..100", () -> client.getChats(0, null));
    rejected("getChats count is 101; it must be 1..100", () -> client.getChats(101, null));
    rejected("getMembers count is 101; it must be 1..100",
        () -> MembersQuery.firstPage(1).count(101));
    rejected("getMessages count is 0; it must be 1..100",
        () -> MessagesQuery.inChat(1).count(0));
    rejected("getUpdates limit is 1001; it must be 1..1000",
        () -> UpdatesRequest.defaults().withLimit(1001));
    rejected("getUpdates timeout is 91; it must be 0..90",
        () -> UpdatesRequest.defaults().withTimeoutSeconds(91));
    rejected("getUpdates timeout is -1; it must be 0..90",
        () -> new UpdatesRequest(null, 100, -1, Set.of()));
  }

  @Test
  void deepLinkPayloadAndRecipients() {
    rejected("deep-link payload is 129 chars; the limit is 128",
        () -> ApiLimits.checkDeepLinkPayload(chars(129)));
    rejected("sendMessage needs exactly one of chat id and user id; got 1 and 2",
        () -> new MessageTarget(1L, 2L, false));
    rejected("getMessages needs a chat id or message ids",
        () -> new MessagesQuery(null, List.of(), null, null, 10));
  }

  @Test
  void unknownEnumValuesAreNeverSent() {
    rejected("sender action is UNKNOWN; it cannot be sent",
        () -> client.sendAction(1, SenderAction.UNKNOWN));
    rejected("upload type is UNKNOWN; it cannot be sent",
        () -> client.getUploadUrl(UploadType.UNKNOWN));
  }

  @Test
  void valuesAtTheLimitPass() {
    assertEquals(4000, ApiLimits.checkMessageText(chars(4000)).length());
    assertEquals(128, ApiLimits.checkButtonText(chars(128)).length());
    assertEquals(1024, ApiLimits.checkCallbackPayload(chars(1024)).length());
    assertEquals(2048, ApiLimits.checkLinkUrl(chars(2048)).length());
    assertEquals(8192, ApiLimits.checkConstructorData(chars(8192)).length());
    assertEquals(128, ApiLimits.checkDeepLinkPayload(chars(128)).length());
    assertEquals(100, ApiLimits.checkPageCount("getChats", 100));
  }
}
