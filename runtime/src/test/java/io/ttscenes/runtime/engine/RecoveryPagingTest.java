package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.store.ForwardingSessionStore;
import io.ttscenes.api.store.PendingPage;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoreUnavailableException;
import io.ttscenes.api.testing.FakeClock;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Recovery reaches every pending entry of the store, not only the first page of the listing:
 * entries it must leave alone (here parked by a live instance, whose lease holds) may fill the
 * front of the listing for as long as that instance keeps them.
 */
final class RecoveryPagingTest {
  private static final Bot ECHO =
      Bot.builder("echo").root(r -> r.onText(ctx -> ctx.reply("hi " + ctx.text()))).build();
  private static final Duration LEASE = Duration.ofMinutes(10);
  // More than one page of the listing recovery asks for.
  private static final int LIVE_ENTRIES = 1_200;

  private final FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
  private final InMemorySessionStore memory = InMemorySessionStore.create();
  private final ListingStore store = new ListingStore(memory);

  @Test
  void entryLeftByACrashBehindAThousandEntriesOfALiveInstanceIsSent() throws Exception {
    RecordingBotApi liveApi = new RecordingBotApi().failUnavailable("sendMessage", LIVE_ENTRIES);
    RecordingBotApi recoveringApi = new RecordingBotApi();
    try (Dispatcher live = dispatcher("live", liveApi);
        Dispatcher recovering = dispatcher("recovering", recoveringApi)) {
      parkLiveEntriesThenCrashOne(live);

      assertEquals(1, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of("hi lost"), recoveringApi.sentTexts(), "the crash-left reply reaches its user");
      assertEquals(List.of(), liveApi.sentTexts());
      assertEquals(LIVE_ENTRIES, memory.pendingOutboxes(10_000).size(), "the live instance's stay its own");
    }
  }

  @Test
  void storeFailureMidWalkLeavesTheRestOfTheWalkToTheNextPass() throws Exception {
    RecordingBotApi recoveringApi = new RecordingBotApi();
    try (Dispatcher live = dispatcher("live", new RecordingBotApi().failUnavailable("sendMessage", LIVE_ENTRIES));
        Dispatcher recovering = dispatcher("recovering", recoveringApi)) {
      parkLiveEntriesThenCrashOne(live);

      store.failCall(2);
      CompletableFuture<Integer> failed = recovering.recoverOutboxes();
      ExecutionException e = assertThrows(ExecutionException.class, () -> failed.get(10, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof StoreUnavailableException, e.toString());
      assertEquals(List.of(), recoveringApi.sentTexts());

      List<Optional<String>> before = List.copyOf(store.cursors());
      assertEquals(1, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of("hi lost"), recoveringApi.sentTexts());
      List<Optional<String>> pass = store.cursors().subList(before.size(), store.cursors().size());
      assertEquals(before.get(1), pass.get(0), "the next pass resumes at the page that failed");
      assertTrue(pass.get(0).isPresent());
    }
  }

  @Test
  void aCursorTheStoreRefusesIsDroppedAndTheNextPassWalksFromTheFront() throws Exception {
    RecordingBotApi recoveringApi = new RecordingBotApi();
    try (Dispatcher live = dispatcher("live", new RecordingBotApi().failUnavailable("sendMessage", LIVE_ENTRIES));
        Dispatcher recovering = dispatcher("recovering", recoveringApi)) {
      parkLiveEntriesThenCrashOne(live);

      store.refuseCall(2);
      CompletableFuture<Integer> refused = recovering.recoverOutboxes();
      ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(10, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof IllegalArgumentException, e.toString());

      int before = store.cursors().size();
      assertEquals(1, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of("hi lost"), recoveringApi.sentTexts());
      assertEquals(Optional.empty(), store.cursors().get(before), "the next pass starts at the front");
    }
  }

  /** 1,200 users' replies parked by the live instance (API down), then one left by a crash. */
  private void parkLiveEntriesThenCrashOne(Dispatcher live) throws Exception {
    List<CompletableFuture<?>> handled = new ArrayList<>();
    for (int user = 1; user <= LIVE_ENTRIES; user++) {
      handled.add(live.submit(text(user, user, "there")));
    }
    CompletableFuture.allOf(handled.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    RecordingBotApi crashedApi = new RecordingBotApi().failUnavailable("sendMessage", 1);
    Dispatcher crashed = dispatcher("crashed", crashedApi);
    crashed.submit(text(LIVE_ENTRIES + 1, LIVE_ENTRIES + 1, "lost")).get(10, TimeUnit.SECONDS);
    crashed.close();  // its entry stays in the store, as after a crash
    assertEquals(LIVE_ENTRIES + 1, memory.pendingOutboxes(10_000).size());
    clock.advance(Duration.ofMinutes(2));
  }

  private Dispatcher dispatcher(String instance, RecordingBotApi api) {
    return Dispatcher.builder(ECHO, store, api).clock(clock).recoveryMinAge(Duration.ofSeconds(60))
        .instanceId(instance, LEASE).build();
  }

  /** Records the cursor of every paged listing, and fails the n-th one when told to. */
  private static final class ListingStore extends ForwardingSessionStore {
    private final List<Optional<String>> cursors = new ArrayList<>();
    private final AtomicInteger failAt = new AtomicInteger();

    ListingStore(SessionStore inner) {
      super(inner);
    }

    private final AtomicInteger refuseAt = new AtomicInteger();

    void failCall(int nth) {
      failAt.set(cursors().size() + nth);
    }

    void refuseCall(int nth) {
      refuseAt.set(cursors().size() + nth);
    }

    synchronized List<Optional<String>> cursors() {
      return List.copyOf(cursors);
    }

    @Override
    public PendingPage pendingOutboxes(Optional<String> cursor, int limit) {
      synchronized (this) {
        cursors.add(cursor);
        if (cursors.size() == failAt.get()) {
          throw new StoreUnavailableException("listing failed: test outage", null);
        }
        if (cursors.size() == refuseAt.get()) {
          throw new IllegalArgumentException("cursor " + cursor + " is not one of this store's");
        }
      }
      return super.pendingOutboxes(cursor, limit);
    }
  }
}
