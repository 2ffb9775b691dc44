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
import io.ttscenes.api.model.SenderAction;
import io.ttscenes.api.model.Update;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A call the client would refuse fails when the handler records it, so it reaches the bot's
 * exception handler. Checked only when the outbox sends it, after the commit, it would be logged
 * as "rejected and is dropped": the exception handler never runs, the scene change is kept, the
 * update counts as handled and the user gets nothing (a pressed button is never answered).
 */
final class BadCallsFailInTheHandlerTest {
  private static final String TOO_LONG = "x".repeat(4001);

  private static Bot bot() {
    return Bot.builder("checks").root(r -> r
        .onCallback("edit", ctx -> ctx.answer(OutgoingMessage.text("edited").attach(emptyButton())))
        .onConstructionRequest(ctx -> ctx.construct(new ConstructorAnswer(
            List.of(new ConstructedMessageBody(TOO_LONG, null, null, null)), null, null, null, null, null)))
        .onCommand("menu", ctx -> ctx.reply(OutgoingMessage.text("pick").attach(emptyButton())))
        .onCommand("typing", ctx -> ctx.action(SenderAction.UNKNOWN))
        .onCommand("edit", ctx -> ctx.edit(" ", OutgoingMessage.text("new text")))
        .onCommand("delete", ctx -> ctx.delete("")))
        .onException(IllegalArgumentException.class, (ctx, e) -> ctx.reply("refused: " + e.getMessage()))
        .build();
  }

  /** A keyboard of model buttons: OutgoingMessage does not check them, only the client would. */
  private static InlineKeyboardAttachmentRequest emptyButton() {
    return InlineKeyboardAttachmentRequest.of(List.of(List.of(CallbackButton.of("", "p"))));
  }

  // Not an oversized text: OutgoingMessage.text refuses that itself, in the handler, whether or not
  // the answer is checked when it is recorded.
  @Test
  void aCallbackAnswerTheClientWouldRefuseFailsInTheHandlerNotSilentlyAfterTheCommit() {
    assertRefusedInTheHandler(callback(1, 10, "edit"), "button text is 0 chars; it must be 1..128");
  }

  @Test
  void anOversizedConstructedMessageFailsInTheHandlerNotSilentlyAfterTheCommit() {
    assertRefusedInTheHandler(constructorText(1, "cs.1", "hello"), "message text is 4001 chars; the limit is 4000");
  }

  @Test
  void aKeyboardOfModelButtonsWithAnEmptyButtonTextFailsInTheHandler() {
    assertRefusedInTheHandler(text(1, 10, "/menu"), "button text is 0 chars; it must be 1..128");
  }

  @Test
  void anUnsendableSenderActionFailsInTheHandlerNotSilentlyAfterTheCommit() {
    assertRefusedInTheHandler(text(1, 10, "/typing"), "sender action is UNKNOWN; it cannot be sent");
  }

  @Test
  void anEditOfABlankMessageIdFailsInTheHandlerNotSilentlyAfterTheCommit() {
    assertRefusedInTheHandler(text(1, 10, "/edit"), "message id is blank");
  }

  @Test
  void aDeleteOfABlankMessageIdFailsInTheHandlerNotSilentlyAfterTheCommit() {
    assertRefusedInTheHandler(text(1, 10, "/delete"), "message id is blank");
  }

  private static void assertRefusedInTheHandler(Update update, String problem) {
    try (Harness h = new Harness(bot())) {
      h.handle(update);

      assertEquals(List.of("refused: " + problem), h.texts(), "calls made: " + h.api.calls());
      assertEquals(List.of(UpdateOutcome.HANDLER_FAILED), h.listener.outcomes);
    }
  }
}
