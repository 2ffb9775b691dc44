package io.ttscenes.testkit.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.tamtam.botapi.TamTamBotAPI;
import chat.tamtam.botapi.model.BotInfo;
import chat.tamtam.botapi.model.Button;
import chat.tamtam.botapi.model.CallbackAnswer;
import chat.tamtam.botapi.model.CallbackButton;
import chat.tamtam.botapi.model.InlineKeyboardAttachmentRequest;
import chat.tamtam.botapi.model.InlineKeyboardAttachmentRequestPayload;
import chat.tamtam.botapi.model.MessageCallbackUpdate;
import chat.tamtam.botapi.model.MessageCreatedUpdate;
import chat.tamtam.botapi.model.NewMessageBody;
import chat.tamtam.botapi.model.SendMessageResult;
import chat.tamtam.botapi.model.SimpleQueryResult;
import chat.tamtam.botapi.model.UpdateList;
import io.ttscenes.testkit.BotMessage;
import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official TamTam Java client (0.5.0) talks to the emulator as it would to TamTam. */
final class OfficialClientCompatibilityTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private Emulator emulator;
  private TamTamBotAPI api;

  @BeforeEach
  void start() {
    emulator = Emulator.start(0);
    // The client reads its endpoint from this property (or TAMTAM_BOTAPI_ENDPOINT) when created.
    System.setProperty("tamtam.botapi.endpoint", emulator.baseUrl());
    api = TamTamBotAPI.create(emulator.token());
  }

  @AfterEach
  void stop() {
    System.clearProperty("tamtam.botapi.endpoint");
    emulator.close();
  }

  @Test
  void getMyInfoDescribesTheBot() throws Exception {
    BotInfo me = api.getMyInfo().execute();

    assertEquals("Emulator Bot", me.getName());
    assertEquals("emulator_bot", me.getUsername());
    assertTrue(me.isBot());
  }

  @Test
  void sentMessageReachesTheUserWithItsKeyboard() throws Exception {
    EmulatedUser alice = emulator.user("Alice");
    List<Button> row = List.of(new CallbackButton("yes", "Yes"));
    NewMessageBody body = new NewMessageBody("Ready?",
        List.of(new InlineKeyboardAttachmentRequest(new InlineKeyboardAttachmentRequestPayload(List.of(row)))), null);

    SendMessageResult result = api.sendMessage(body).chatId(alice.chatId()).execute();
    BotMessage seen = alice.awaitMessage(WAIT);

    assertEquals("Ready?", result.getMessage().getBody().getText());
    assertEquals(seen.mid(), result.getMessage().getBody().getMid());
    assertEquals(List.of(List.of("Yes")), seen.buttonTexts());
  }

  @Test
  void getUpdatesParsesMessagesAndCallbacksAndAnswerEditsTheMessage() throws Exception {
    EmulatedUser alice = emulator.user("Alice");
    List<Button> row = List.of(new CallbackButton("yes", "Yes"));
    api.sendMessage(new NewMessageBody("Ready?", List.of(new InlineKeyboardAttachmentRequest(
        new InlineKeyboardAttachmentRequestPayload(List.of(row)))), null)).userId(alice.userId()).execute();
    alice.awaitMessage(WAIT);
    alice.sendText("hello");
    alice.pressButton("Yes");

    UpdateList updates = api.getUpdates().timeout(0).execute();
    MessageCreatedUpdate created = assertInstanceOf(MessageCreatedUpdate.class, updates.getUpdates().get(0));
    MessageCallbackUpdate callback = assertInstanceOf(MessageCallbackUpdate.class, updates.getUpdates().get(1));
    SimpleQueryResult answered = api.answerOnCallback(new CallbackAnswer()
        .message(new NewMessageBody("You said yes", null, null)).notification("Saved"),
        callback.getCallback().getCallbackId()).execute();
    UpdateList afterCommit = api.getUpdates().timeout(0).marker(updates.getMarker()).execute();

    assertEquals("hello", created.getMessage().getBody().getText());
    assertEquals(alice.userId(), created.getMessage().getSender().getUserId());
    assertEquals("yes", callback.getCallback().getPayload());
    assertNotNull(updates.getMarker());
    assertTrue(answered.isSuccess());
    assertEquals("You said yes", alice.awaitEdit(WAIT).text());
    assertEquals("Saved", alice.awaitNotification(WAIT));
    assertTrue(afterCommit.getUpdates().isEmpty());
  }
}
