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
    CountDownLatch listed = new CountDownLatch(1);
    CountDownLatch cleared = new CountDownLatch(1);
    CountDownLatch laneIdleAfterClear = new CountDownLatch(1);
    RuntimeListener listener = new RuntimeListener() {
      @Override
      public void laneDepth(int depth) {
        if (depth == 0 && cleared.getCount() == 0) {
          laneIdleAfterClear.countDown();
        }
      }
    };
    try (Dispatcher dispatcher = Dispatcher.builder(bot, store, api).clock(clock).listener(listener)
        .recoveryMinAge(Duration.ofSeconds(60)).build()) {
      dispatcher.submit(text(1, 10, "there")).get(10, TimeUnit.SECONDS);
      assertEquals(List.of(), api.sentTexts(), "the API was down: the entry is parked");

      clock.advance(Duration.ofMinutes(2));
      // Interleaving: the recovery thread lists the store while the entry is still there, the lane
      // flush (submitted by the same recoverOutboxes call) sends and clears it, and only then does
      // the listing reach the recovery thread (ordinary latency between two threads).
      api.afterEachCall(() -> await(listed));
      store.afterNextClear(cleared::countDown);
      store.onNextPendingReply(reply -> {
        listed.countDown();
        await(laneIdleAfterClear);
        return reply;
      });
      dispatcher.recoverOutboxes().get(10, TimeUnit.SECONDS);
      assertEquals(List.of("hi there"), api.sentTexts(), "one process must not send a reply twice");
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("the interleaving did not happen");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
