package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.model.SenderAction;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Review: {@code SessionContext.record} now runs the client's checks for send, edit, answer and
 * construct, "so a bad value fails in the handler (reaching its exception handlers) rather than
 * after the commit". The other checks the client runs before a write call are left out: the
 * sender action ({@code RequestChecks.sendable("sender action", ...)} in {@code sendAction}) and
 * the non-blank message id of {@code editMessage} and {@code deleteMessage}. Such a call is
 * committed, then the real client refuses it, {@code Effects} logs it as rejected and drops it:
 * the bot's exception handler never runs and the update counts as handled.
 */
final class RecordTimeActionChecksReviewTest {

  private static Bot bot() {
    return Bot.builder("checks").root(r -> r
        .onCommand("typing", ctx -> ctx.action(SenderAction.UNKNOWN))
        .onCommand("edit", ctx -> ctx.edit(" ", OutgoingMessage.text("new text")))
        .onCommand("delete", ctx -> ctx.delete("")))
        .onException(IllegalArgumentException.class, (ctx, e) -> ctx.reply("refused"))
        .build();
  }

  @Test
  void anUnsendableSenderActionFailsInTheHandlerNotSilentlyAfterTheCommit() {
    assertRefusedInTheHandler("/typing");
  }

  @Test
  void anEditOfABlankMessageIdFailsInTheHandlerNotSilentlyAfterTheCommit() {
    assertRefusedInTheHandler("/edit");
  }

  @Test
  void aDeleteOfABlankMessageIdFailsInTheHandlerNotSilentlyAfterTheCommit() {
    assertRefusedInTheHandler("/delete");
  }

  private static void assertRefusedInTheHandler(String command) {
    try (Harness h = new Harness(bot())) {
      h.handle(text(1, 10, command));

      assertEquals(List.of("refused"), h.texts(), "calls made: " + h.api.calls());
      assertEquals(List.of(UpdateOutcome.HANDLER_FAILED), h.listener.outcomes);
    }
  }
}
