package io.ttscenes.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.model.MessageRemovedUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dedupe ids must tell distinct events apart, not only redeliveries of one event. */
final class DedupeReviewTest {
  // REVIEW: Router.dedupeId builds "message_removed:chat:user:timestamp" and ignores message_id,
  // so removing several messages at once (same user, chat and millisecond) is seen as one update
  // delivered several times: every removal but the first is skipped as a duplicate.
  @Test
  void twoMessagesRemovedInTheSameMillisecondAreBothHandled() {
    Bot bot = Bot.builder("removals").root(r -> r.onMessageRemoved(ctx ->
        ctx.reply("removed " + ((MessageRemovedUpdate) ctx.update()).messageId()))).build();
    try (Harness harness = new Harness(bot)) {
      long at = 1_775_025_604_499L;
      harness.handle(new MessageRemovedUpdate(at, "mid.a", 182182182L, 123456789L));
      harness.handle(new MessageRemovedUpdate(at, "mid.b", 182182182L, 123456789L));

      assertEquals(List.of("removed mid.a", "removed mid.b"), harness.texts());
    }
  }
}
