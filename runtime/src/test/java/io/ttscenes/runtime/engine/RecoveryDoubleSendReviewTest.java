package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class RecoveryDoubleSendReviewTest {

  // REVIEW: Recovery.run lists store entries while its own flush of a parked entry runs on the lane; once that flush sent and cleared the entry, Outboxes.knows() is false again and the listed copy is delivered a second time
  @Test
  void recoveryDoesNotResendAParkedEntryThatItsOwnFlushJustSent() throws Exception {
    Bot bot = Bot.builder("echo").root(r -> r.onText(ctx -> ctx.reply("hi " + ctx.text()))).build();
    FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
    ReviewHookedStore store = new ReviewHookedStore(InMemorySessionStore.create());
    RecordingBotApi api = new RecordingBotApi().failUnavailable("sendMessage", 1);
    try (Dispatcher dispatcher = Dispatcher.builder(bot, store, api).clock(clock)
        .recoveryMinAge(Duration.ofSeconds(60)).build()) {
      dispatcher.submit(text(1, 10, "there")).get(10, TimeUnit.SECONDS);
      assertEquals(List.of(), api.sentTexts(), "the API was down: the entry is parked");

      clock.advance(Duration.ofMinutes(2));
      // The listing reply of pendingOutboxes reaches the recovery thread only after the lane
      // flushed the parked entry (sent and cleared it): ordinary latency between two threads.
      CountDownLatch cleared = new CountDownLatch(1);
      store.afterNextClear(cleared::countDown);
      store.onNextPendingReply(reply -> {
        try {
          if (!cleared.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the lane never cleared the parked entry");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
        return reply;
      });
      dispatcher.recoverOutboxes().get(10, TimeUnit.SECONDS);
      assertEquals(List.of("hi there"), api.sentTexts(), "one process must not send a reply twice");
    }
  }
}
