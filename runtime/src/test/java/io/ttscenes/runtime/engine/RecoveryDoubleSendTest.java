package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.testing.FakeClock;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Recovery never sends an entry this process already sent, and keeps one session's commit order. */
final class RecoveryDoubleSendTest {
  private static final Bot ECHO =
      Bot.builder("echo").root(r -> r.onText(ctx -> ctx.reply("hi " + ctx.text()))).build();

  @Test
  void recoveryDoesNotResendAParkedEntryThatTheLaneSentAndClearedWhileTheListingWasInFlight()
      throws Exception {
    FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
    HookedStore store = new HookedStore(InMemorySessionStore.create());
    RecordingBotApi api = new RecordingBotApi().failUnavailable("sendMessage", 1);
    try (Dispatcher dispatcher = Dispatcher.builder(ECHO, store, api).clock(clock)
        .recoveryMinAge(Duration.ofSeconds(60)).build()) {
      dispatcher.submit(text(1, 10, "there")).get(10, TimeUnit.SECONDS);
      assertEquals(List.of(), api.sentTexts(), "the API was down: the entry is parked");

      clock.advance(Duration.ofMinutes(2));
      // The listing still shows the parked entry, but before it reaches the recovery thread the
      // session's next update flushes, sends and clears it on the lane.
      store.onNextPendingReply(reply -> {
        submitAndWait(dispatcher, "again");
        return reply;
      });
      dispatcher.recoverOutboxes().get(10, TimeUnit.SECONDS);
      assertEquals(List.of("hi there", "hi again"), api.sentTexts(),
          "one process must not send a reply twice");
      assertEquals(List.of(), store.pendingOutboxes(10));
    }
  }

  @Test
  void entryLeftByACrashIsSentBeforeTheSessionsLaterParkedEntry() throws Exception {
    FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
    InMemorySessionStore store = InMemorySessionStore.create();
    RecordingBotApi crashed = new RecordingBotApi().failUnavailable("sendMessage", 1);
    Dispatcher first = Dispatcher.builder(ECHO, store, crashed).clock(clock).build();
    first.submit(text(1, 10, "one")).get(10, TimeUnit.SECONDS);
    first.close();  // its parked entry stays in the store, as after a crash

    RecordingBotApi api = new RecordingBotApi().failUnavailable("sendMessage", 1);
    try (Dispatcher second = Dispatcher.builder(ECHO, store, api).clock(clock)
        .recoveryMinAge(Duration.ofSeconds(60)).build()) {
      second.submit(text(1, 10, "two")).get(10, TimeUnit.SECONDS);
      assertEquals(List.of(), api.sentTexts(), "the API was down: the second entry is parked");

      clock.advance(Duration.ofMinutes(2));
      second.recoverOutboxes().get(10, TimeUnit.SECONDS);
      assertEquals(List.of("hi one", "hi two"), api.sentTexts());
      assertEquals(List.of(), crashed.sentTexts());
    }
  }

  private static void submitAndWait(Dispatcher dispatcher, String text) {
    try {
      dispatcher.submit(text(1, 10, text)).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
