package io.ttscenes.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.model.MessageRemovedUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dedupe ids must tell distinct events apart, not only redeliveries of one event. */
final class DistinctEventsDedupeTest {
  // Several messages removed at once (same user, chat and millisecond) are distinct events,
  // not one update delivered several times: each removal must run once.
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
