package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.testing.FakeClock;
import io.ttscenes.api.store.PendingOutbox;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With a clear delay, a sent outbox entry is cleared by its session's next commit or by the idle
 * pass once older than the delay, instead of by a store call right after sending.
 */
final class DeferredOutboxClearTest {
  private static final Duration DELAY = Duration.ofSeconds(2);

  record Counter(int count) {}

  private static Bot counterBot() {
    return Bot.builder("counter")
        .sessionData(Counter.class, () -> new Counter(0))
        .root(r -> r.onText(ctx -> {
          int next = ctx.session(Counter.class).count() + 1;
          ctx.setSession(new Counter(next));
          ctx.reply("count " + next);
        }))
        .build();
  }

  /** A dispatcher with the clear delay over {@code store}, sending through {@code api}. */
  private static Dispatcher dispatcher(FaultyStore store, RecordingBotApi api, FakeClock clock) {
    return Dispatcher.builder(counterBot(), store, api).clock(clock).parallelism(2)
        .sleeper(d -> { }).recoveryMinAge(Duration.ofSeconds(30)).clearSentOutboxesAfter(DELAY).build();
  }

  private static void handle(Dispatcher dispatcher, long user, String text) throws Exception {
    dispatcher.submit(text(user, user * 10, text)).get(10, TimeUnit.SECONDS);
  }

  private static List<String> pendingIds(FaultyStore store) {
    return store.inner().pendingOutboxes(100).stream().map(p -> p.key() + "/" + p.entry().id()).sorted().toList();
  }

  @Test
  void sentEntryStaysUntilTheSessionsNextCommitClearsIt() throws Exception {
    FaultyStore store = new FaultyStore(InMemorySessionStore.create());
    RecordingBotApi api = new RecordingBotApi();
    FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
    try (Dispatcher dispatcher = dispatcher(store, api, clock)) {
      handle(dispatcher, 1, "one");
      List<PendingOutbox> afterFirst = store.inner().pendingOutboxes(10);
      assertEquals(1, afterFirst.size(), "the sent entry waits for the next commit");

      handle(dispatcher, 1, "two");
      List<PendingOutbox> afterSecond = store.inner().pendingOutboxes(10);
      assertEquals(1, afterSecond.size());
      assertTrue(!afterSecond.get(0).entry().id().equals(afterFirst.get(0).entry().id()),
          "the second commit cleared the first entry and left only its own: " + afterSecond);
      assertEquals(List.of("count 1", "count 2"), api.sentTexts());
    }
  }

  @Test
  void idlePassClearsOnlyEntriesSentAtLeastTheDelayAgo() throws Exception {
    FaultyStore store = new FaultyStore(InMemorySessionStore.create());
    RecordingBotApi api = new RecordingBotApi();
    FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
    try (Dispatcher dispatcher = dispatcher(store, api, clock)) {
      handle(dispatcher, 1, "old");
      clock.advance(Duration.ofSeconds(1));
      handle(dispatcher, 2, "young");

      clock.advance(Duration.ofMillis(999));
      assertEquals(0, dispatcher.clearIdleOutboxes());
      assertEquals(2, pendingIds(store).size());

      clock.advance(Duration.ofMillis(1));
      assertEquals(1, dispatcher.clearIdleOutboxes());
      assertEquals(List.of("u:2:c:20"), store.inner().pendingOutboxes(10).stream().map(PendingOutbox::key).toList());

      clock.advance(Duration.ofSeconds(1));
      assertEquals(1, dispatcher.clearIdleOutboxes());
      assertEquals(List.of(), pendingIds(store));
      assertEquals(0, dispatcher.clearIdleOutboxes(), "nothing is cleared twice");
      assertEquals(List.of("count 1", "count 1"), api.sentTexts(), "clearing never sends");
    }
  }

  @Test
  void idlePassAfterTheWallClockSteppedBackClearsWhatWasSentBeforeTheStep() throws Exception {
    FaultyStore store = new FaultyStore(InMemorySessionStore.create());
    RecordingBotApi api = new RecordingBotApi();
    FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
    try (Dispatcher dispatcher = dispatcher(store, api, clock)) {
      handle(dispatcher, 1, "before");
      // What an NTP correction does to the system wall clock: the entry now looks sent an hour
      // from now, and waiting for it to be the delay old would leave it in the store (a crash
      // window of an hour, not seconds) and keep any claim it was sent under that long.
      clock.advance(Duration.ofHours(-1));
      handle(dispatcher, 2, "after");

      assertEquals(1, dispatcher.clearIdleOutboxes(), "the entry sent before the step");
      assertEquals(List.of("u:2:c:20"), store.inner().pendingOutboxes(10).stream().map(PendingOutbox::key).toList());
      clock.advance(DELAY);
      assertEquals(1, dispatcher.clearIdleOutboxes());
      assertEquals(List.of(), pendingIds(store));
    }
  }

  @Test
  void idlePassClearsTheEntriesOfManySessionsInOneStoreCall() throws Exception {
    FaultyStore store = new FaultyStore(InMemorySessionStore.create());
    RecordingBotApi api = new RecordingBotApi();
    FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
    try (Dispatcher dispatcher = dispatcher(store, api, clock)) {
      for (long user = 1; user <= 30; user++) {
        handle(dispatcher, user, "one");
      }
      assertEquals(30, pendingIds(store).size());
      clock.advance(DELAY);

      assertEquals(30, dispatcher.clearIdleOutboxes());
      assertEquals(List.of(), pendingIds(store));
      assertEquals(1, store.clearCalls(), "one batch for all 30 sessions");
    }
  }

  @Test
  void idlePassThatMeetsAStoreOutageLeavesTheEntriesForTheNextPass() throws Exception {
    FaultyStore store = new FaultyStore(InMemorySessionStore.create());
    RecordingBotApi api = new RecordingBotApi();
    FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
    try (Dispatcher dispatcher = dispatcher(store, api, clock)) {
      handle(dispatcher, 1, "one");
      handle(dispatcher, 2, "one");
      clock.advance(DELAY);

      store.down(true);
      assertEquals(0, dispatcher.clearIdleOutboxes());
      store.down(false);
      assertEquals(2, pendingIds(store).size());

      assertEquals(2, dispatcher.clearIdleOutboxes());
      assertEquals(List.of(), pendingIds(store));
    }
  }

  @Test
  void gracefulDrainClearsEverySentEntry() throws Exception {
    FaultyStore store = new FaultyStore(InMemorySessionStore.create());
    RecordingBotApi api = new RecordingBotApi();
    FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
    try (Dispatcher dispatcher = dispatcher(store, api, clock)) {
      handle(dispatcher, 1, "one");
      handle(dispatcher, 2, "one");
      assertEquals(2, pendingIds(store).size());

      assertTrue(dispatcher.drain(Duration.ofSeconds(10)));
      assertEquals(List.of(), pendingIds(store));
    }
  }

  @Test
  void aCloseWhoseDrainRanOutOfTimeStillClearsTheEntriesItSentSoARestartSendsNoneAgain() throws Exception {
    FaultyStore store = new FaultyStore(InMemorySessionStore.create());
    RecordingBotApi firstApi = new RecordingBotApi();
    FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Bot stuckOnce = Bot.builder("counter").root(r -> r.onText(ctx -> {
      if (ctx.text().equals("stuck")) {
        entered.countDown();
        awaitUninterruptibly(release);
      }
      ctx.reply("echo " + ctx.text());
    })).build();
    Dispatcher first = Dispatcher.builder(stuckOnce, store, firstApi).clock(clock).parallelism(2)
        .sleeper(d -> { }).recoveryMinAge(Duration.ofSeconds(30)).clearSentOutboxesAfter(DELAY)
        .instanceId("first", Duration.ofSeconds(15)).build();
    try {
      handle(first, 1, "one");
      assertEquals(1, pendingIds(store).size(), "sent, and waiting for its clear");
      first.submit(text(2, 20, "stuck"));
      assertTrue(entered.await(10, TimeUnit.SECONDS));

      // A deploy whose shutdown deadline a stuck handler outlasts: the lanes are stopped undrained.
      assertFalse(first.drain(Duration.ofMillis(200)));
      first.close();
      assertEquals(List.of(), pendingIds(store),
          "the entry sent before the close is cleared, drained or not");
    } finally {
      release.countDown();
      first.close();
    }

    // The next process of this instance sends its dead predecessor's entries whatever their age:
    // an entry left in the store would reach the user twice.
    RecordingBotApi nextApi = new RecordingBotApi();
    try (Dispatcher next = Dispatcher.builder(stuckOnce, store, nextApi).clock(clock)
        .recoveryMinAge(Duration.ofSeconds(30)).predecessor("first").build()) {
      assertEquals(0, next.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of(), nextApi.sentTexts(), "sent once, before the close");
    }
    assertEquals(List.of("echo one"), firstApi.sentTexts());
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    while (true) {
      try {
        latch.await();
        return;
      } catch (InterruptedException e) {
        // A stuck handler that ignores its interrupt, as the drain meets in life.
      }
    }
  }

  @Test
  void entrySentButNotClearedBeforeACrashIsResentByRecoveryAndOnlyThatOne() throws Exception {
    FaultyStore store = new FaultyStore(InMemorySessionStore.create());
    RecordingBotApi firstApi = new RecordingBotApi();
    FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
    try (Dispatcher first = dispatcher(store, firstApi, clock)) {
      handle(first, 1, "one");
      handle(first, 1, "two");
      // The process dies now: the store is unreachable while it stops, so nothing more is cleared.
      store.down(true);
    }
    store.down(false);
    assertEquals(List.of("count 1", "count 2"), firstApi.sentTexts());
    assertEquals(1, pendingIds(store).size(), "the first entry was cleared by the second commit");

    RecordingBotApi secondApi = new RecordingBotApi();
    try (Dispatcher second = dispatcher(store, secondApi, clock)) {
      clock.advance(Duration.ofSeconds(31));
      assertEquals(1, second.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of("count 2"), secondApi.sentTexts(),
          "at least once: the uncleared entry is sent again, the cleared one is not");
      assertEquals(0, second.recoverOutboxes().get(10, TimeUnit.SECONDS));
      handle(second, 1, "three");
      assertEquals(List.of("count 2", "count 3"), secondApi.sentTexts());
    }
  }
}
