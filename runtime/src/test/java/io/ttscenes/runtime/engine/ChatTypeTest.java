package io.ttscenes.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.model.Callback;
import io.ttscenes.api.model.ChatType;
import io.ttscenes.api.model.Message;
import io.ttscenes.api.model.MessageBody;
import io.ttscenes.api.model.MessageCallbackUpdate;
import io.ttscenes.api.model.MessageCreatedUpdate;
import io.ttscenes.api.model.Recipient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ctx.chatType()} and {@code ctx.isDialog()} tell a dialog from a group chat or a channel. */
final class ChatTypeTest {
  private static final Bot BOT = Bot.builder("chat-type")
      .global(g -> g.onBotStarted(ChatTypeTest::describe).onCallback("where", ChatTypeTest::describe))
      .root(r -> r.onText(ChatTypeTest::describe))
      .build();

  @Test
  void aDialogAGroupAndAChannelAreToldApartFromTheMessagesRecipient() {
    try (Harness h = new Harness(BOT)) {
      h.handle(text(7, 10, ChatType.DIALOG));
      h.handle(text(7, -20, ChatType.CHAT));
      h.handle(text(7, -30, ChatType.CHANNEL));
      assertEquals(List.of("DIALOG dialog=true", "CHAT dialog=false", "CHANNEL dialog=false"), h.texts());
    }
  }

  @Test
  void aButtonPressedInAGroupIsNotADialogAndBotStartedAlwaysIs() {
    try (Harness h = new Harness(BOT)) {
      h.handle(new MessageCallbackUpdate(TestUpdates.next(), new Callback(TestUpdates.next(), "cb.1", "where",
          TestUpdates.user(7)), message(1, -20, ChatType.CHAT, "pick"), "en"));
      h.handle(TestUpdates.botStarted(7, 10, null));
      assertEquals(List.of("CHAT dialog=false", "DIALOG dialog=true"), h.texts());
    }
  }

  @Test
  void aRecipientWithoutAChatTypeIsNeitherADialogNorAGuess() {
    try (Harness h = new Harness(BOT)) {
      h.handle(text(7, 10, null));
      assertEquals(List.of("none dialog=false"), h.texts());
    }
  }

  private static void describe(Context<?> ctx) {
    ctx.reply(ctx.chatType().map(ChatType::name).orElse("none") + " dialog=" + ctx.isDialog());
  }

  private static MessageCreatedUpdate text(long user, long chat, ChatType type) {
    return new MessageCreatedUpdate(TestUpdates.next(), message(user, chat, type, "hello"), null);
  }

  private static Message message(long user, long chat, ChatType type, String text) {
    return new Message(TestUpdates.user(user), new Recipient(chat, type, null), TestUpdates.next(), null,
        new MessageBody("mid." + TestUpdates.next(), 1, text, List.of(), null), null, null, null);
  }
}
