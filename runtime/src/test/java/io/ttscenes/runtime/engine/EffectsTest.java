package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.callbackWithId;
import static io.ttscenes.runtime.engine.TestUpdates.constructorText;
import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ttscenes.api.Bot;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.client.MessageTarget;
import io.ttscenes.api.keyboard.Keyboard;
import io.ttscenes.api.model.CallbackAnswer;
import io.ttscenes.api.model.ConstructorAnswer;
import io.ttscenes.api.model.InlineKeyboardAttachmentRequest;
import io.ttscenes.api.model.MessageLinkType;
import io.ttscenes.api.model.NewMessageBody;
import io.ttscenes.api.model.NewMessageLink;
import io.ttscenes.api.model.SenderAction;
import io.ttscenes.api.model.TextFormat;
import io.ttscenes.runtime.fake.FakeTamTam;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class EffectsTest {

  @Test
  void everyRecordedCallIsSentInOrderWithItsArguments() {
    Bot bot = Bot.builder("effects").root(r -> r
        .onCommand("all", ctx -> ctx
            .action(SenderAction.TYPING_ON)
            .reply(OutgoingMessage.text("*bold*").markdown().replyTo("mid.q").silent().withoutLinkPreview()
                .keyboard(Keyboard.inline().withRow(Keyboard.callback("Go", "go"))))
            .sendToUser(7, OutgoingMessage.text("<b>dm</b>").html())
            .sendToChat(8, OutgoingMessage.text("to chat"))
            .edit("mid.1", OutgoingMessage.text("edited"))
            .delete("mid.2"))
        .onCallback("go", ctx -> ctx.answer("Saved", OutgoingMessage.text("done")))
        .onConstructionRequest(ctx -> ctx.construct(new ConstructorAnswer(List.of(), true, "type more",
            "state-1", null, null))))
        .build();
    try (Harness h = new Harness(bot)) {
      h.handle(text(1, 10, "/all"));
      h.handle(callbackWithId(1, 10, "cb-go", "go"));
      h.handle(constructorText(1, "sess-1", "hello"));
      List<RecordingBotApi.Call> calls = h.api.calls();
      assertEquals(List.of("sendAction chat:10 TYPING_ON", "sendMessage chat:10 *bold*", "sendMessage user:7 <b>dm</b>",
          "sendMessage chat:8 to chat", "editMessage mid.1 edited", "deleteMessage mid.2 null",
          "answerOnCallback cb-go Saved", "construct sess-1 type more"),
          calls.stream().map(RecordingBotApi.Call::toString).toList());
      NewMessageBody reply = (NewMessageBody) calls.get(1).detail();
      assertEquals(TextFormat.MARKDOWN, reply.format());
      assertEquals(new NewMessageLink(MessageLinkType.REPLY, "mid.q"), reply.link());
      assertEquals(Boolean.FALSE, reply.notifyMembers());
      assertEquals(1, reply.attachments().size());
      assertEquals(InlineKeyboardAttachmentRequest.class, reply.attachments().get(0).getClass());
      assertEquals(TextFormat.HTML, ((NewMessageBody) calls.get(2).detail()).format());
      assertEquals("done", ((CallbackAnswer) calls.get(6).detail()).message().text());
      assertEquals("state-1", ((ConstructorAnswer) calls.get(7).detail()).data());
    }
  }

  @Test
  void handlersReadThroughTheApiAtOnce() {
    Bot bot = Bot.builder("reads").root(r -> r.onText(ctx ->
        ctx.reply("this is " + ctx.api().getChat(ctx.chatId().orElseThrow()).title()))).build();
    try (Harness h = new Harness(bot)) {
      h.handle(text(1, 10, "where am I"));
      assertEquals(List.of("this is Chat 10"), h.texts());
    }
  }

  @Test
  void linkPreviewSettingReachesTheSendCall() {
    Bot bot = Bot.builder("preview").root(r -> r.onText(ctx -> ctx
        .reply(OutgoingMessage.text("https://a.example").withoutLinkPreview())
        .reply("https://b.example"))).build();
    try (Harness h = new Harness(bot)) {
      h.handle(text(1, 10, "go"));
      assertEquals(List.of(true, false), h.api.calls().stream()
          .map(RecordingBotApi.Call::previewDisabled).toList());
    }
  }

  @Test
  void aRefusedCallWithAContinuationIsCountedRejectedAndNotSent() {
    Bot bot = Bot.builder("refused").root(r -> r
        .onCommand("ask", ctx -> ctx.reply("posted").then("posted"))
        .onSent("posted", (ctx, sent) -> { })
        .onSendFailed("posted", (ctx, failure) -> { }))
        .build();
    try (Harness h = new Harness(bot)) {
      h.api.failRejected("sendMessage", 1);
      h.handle(text(1, 10, "/ask"));
      assertEquals(List.of("sendMessage rejected"), h.listener.failedEffects);
      assertFalse(h.listener.sentEffects.contains("sendMessage"), "counted as sent: " + h.listener.sentEffects);
    }
  }

  // The reply body the outbox writes once and reuses as the HTTP body must reach the server as the
  // client would have written it, even for a reply cut to a length limit in the middle of an emoji.
  @Test
  void aReplyCutInsideAnEmojiReachesTheServerAsTheClientWouldSendIt() throws Exception {
    String cut = "\uD83D\uDE00\uD83D\uDE00".substring(0, 3); // keeps only the last emoji's high surrogate
    Bot bot = Bot.builder("cut").root(r -> r.onText(ctx -> ctx.reply("cut " + cut))).build();
    try (FakeTamTam tamtam = FakeTamTam.start()) {
      // The client writing the body itself escapes the lone surrogate, so the server reads it back.
      tamtam.client().sendMessage(MessageTarget.user(7), NewMessageBody.text("cut " + cut));
      assertEquals(escaped(List.of("cut " + cut)), escaped(tamtam.awaitTexts(1)));

      try (Dispatcher dispatcher = Dispatcher.builder(bot, InMemorySessionStore.create(), tamtam.client())
          .build()) {
        dispatcher.submit(text(7, 70, "hi")).get(10, TimeUnit.SECONDS);
      }

      // Written as String.getBytes(UTF_8), the lone surrogate would become '?': the user reads "cut 😀?".
      assertEquals(escaped(List.of("cut " + cut, "cut " + cut)), escaped(tamtam.awaitTexts(2)));
    }
  }

  /** The texts with every non-ASCII char as a Java escape, so a failure report stays readable. */
  private static List<String> escaped(List<String> texts) {
    return texts.stream().map(text -> text.chars()
        .mapToObj(c -> c < 128 ? String.valueOf((char) c) : String.format("\\u%04X", c))
        .reduce("", String::concat)).toList();
  }
}
