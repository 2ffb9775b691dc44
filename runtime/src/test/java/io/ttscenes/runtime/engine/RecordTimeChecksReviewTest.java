package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.callback;
import static io.ttscenes.runtime.engine.TestUpdates.constructorText;
import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.model.CallbackButton;
import io.ttscenes.api.model.ConstructedMessageBody;
import io.ttscenes.api.model.ConstructorAnswer;
import io.ttscenes.api.model.InlineKeyboardAttachmentRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Review: {@code ctx.reply(text)} checks the API limits when the handler records it, so a bad
 * value reaches the bot's exception handler. {@code ctx.answer(OutgoingMessage)},
 * {@code ctx.construct(ConstructorAnswer)} (beyond {@code data}) and a message carrying a keyboard
 * built from model buttons are not checked until the outbox sends them, after the commit: the
 * client's RequestChecks then throw, {@code Effects} logs "rejected and is dropped", the handler's
 * exception handler never runs, the scene change is kept, and the user gets nothing (a pressed
 * button is never answered). Each case must fail at the call, like {@code reply} does.
 */
final class RecordTimeChecksReviewTest {
  private static final String TOO_LONG = "x".repeat(4001);

  private static Bot bot() {
    return Bot.builder("limits").root(r -> r
        .onCallback("edit", ctx -> ctx.answer(OutgoingMessage.text(TOO_LONG)))
        .onConstructionRequest(ctx -> ctx.construct(new ConstructorAnswer(
            List.of(new ConstructedMessageBody(TOO_LONG, null, null, null)), null, null, null, null, null)))
        .onCommand("menu", ctx -> ctx.reply(OutgoingMessage.text("pick").attach(
            InlineKeyboardAttachmentRequest.of(List.of(List.of(CallbackButton.of("", "p"))))))))
        .onException(IllegalArgumentException.class, (ctx, e) -> ctx.reply("refused: " + e.getMessage()))
        .build();
  }

  @Test
  void anOversizedCallbackAnswerFailsInTheHandlerNotSilentlyAfterTheCommit() {
    try (Harness h = new Harness(bot())) {
      h.handle(callback(1, 10, "edit"));

      assertEquals(List.of("refused: message text is 4001 chars; the limit is 4000"), h.texts());
      assertEquals(List.of(UpdateOutcome.HANDLER_FAILED), h.listener.outcomes);
    }
  }

  @Test
  void anOversizedConstructedMessageFailsInTheHandlerNotSilentlyAfterTheCommit() {
    try (Harness h = new Harness(bot())) {
      h.handle(constructorText(1, "cs.1", "hello"));

      assertEquals(List.of("refused: message text is 4001 chars; the limit is 4000"), h.texts());
      assertEquals(List.of(UpdateOutcome.HANDLER_FAILED), h.listener.outcomes);
    }
  }

  @Test
  void aKeyboardOfModelButtonsWithAnEmptyButtonTextFailsInTheHandler() {
    try (Harness h = new Harness(bot())) {
      h.handle(text(1, 10, "/menu"));

      assertEquals(List.of("refused: button text is 0 chars; it must be 1..128"), h.texts());
      assertEquals(List.of(UpdateOutcome.HANDLER_FAILED), h.listener.outcomes);
    }
  }
}
