package io.ttscenes.runtime;

import static io.ttscenes.runtime.fake.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.PendingOutbox;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoredSession;
import io.ttscenes.runtime.fake.FakeTamTam;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The running bot clears a sent outbox entry in the background once its session went idle. */
final class BotRuntimeOutboxClearTest {

  /** An in-memory store that counts down a latch on every outbox clear. */
  private static final class ClearWatchingStore implements SessionStore {
    final InMemorySessionStore inner = InMemorySessionStore.create();
    final CountDownLatch cleared = new CountDownLatch(1);

    @Override public Optional<StoredSession> load(String key) { return inner.load(key); }
    @Override public CommitResult commit(Commit commit) { return inner.commit(commit); }
    @Override public List<PendingOutbox> pendingOutboxes(int limit) { return inner.pendingOutboxes(limit); }
    @Override public void scheduleTimer(String key, Instant due) { inner.scheduleTimer(key, due); }
    @Override public void cancelTimer(String key) { inner.cancelTimer(key); }
    @Override public boolean cancelTimer(String key, Instant due) { return inner.cancelTimer(key, due); }
    @Override public OptionalLong loadMarker() { return inner.loadMarker(); }
    @Override public void saveMarker(long marker) { inner.saveMarker(marker); }
    @Override public void close() { }

    @Override
    public List<String> claimDueTimers(Instant now, Duration lease, int limit) {
      return inner.claimDueTimers(now, lease, limit);
    }

    @Override
    public void clearOutbox(String key, String outboxId) {
      inner.clearOutbox(key, outboxId);
      cleared.countDown();
    }
  }

  /** A clock that a test moves forward by hand. */
  private static final class MovableClock extends Clock {
    private volatile Instant now = Instant.ofEpochSecond(1_700_000_000L);

    @Override public Instant instant() { return now; }
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }

    void advance(Duration by) {
      now = now.plus(by);
    }
  }

  @Test
  void sentEntryOfAnIdleSessionIsClearedInTheBackgroundAfterTheDelay() throws Exception {
    ClearWatchingStore store = new ClearWatchingStore();
    MovableClock clock = new MovableClock();
    Bot bot = Bot.builder("clear-test").root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();
    try (FakeTamTam tamtam = FakeTamTam.start()) {
      RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_API_URL", tamtam.url(),
          "TTSCENES_POLL_TIMEOUT_SECONDS", "1"));
      BotRuntime runtime = BotRuntime.builder(bot, config).store(store, false).clock(clock).build();
      try {
        runtime.start();
        tamtam.push(message(1, "a"));
        assertEquals(List.of("echo a"), tamtam.awaitTexts(1));
        // The next poll carries the page's marker only once the update was fully handled.
        assertTrue(tamtam.awaitPollWith(1001, Duration.ofSeconds(20)));
        assertEquals(1, store.inner.pendingOutboxes(10).size(), "sent, and waiting for the next commit");

        clock.advance(BotRuntime.CLEAR_DELAY);
        assertTrue(store.cleared.await(20, TimeUnit.SECONDS), "the background pass cleared the entry");
        assertEquals(List.of(), store.inner.pendingOutboxes(10));
        assertEquals(List.of("echo a"), tamtam.texts(), "clearing sends nothing again");
      } finally {
        runtime.close();
      }
    }
  }
}
