package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.store.ForwardingSessionStore;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.testing.FakeClock;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Scale-out: an entry parked after an API failure stays in the shared store, and the instance that
 * runs full recovery sends only entries whose owner's instance lease is gone; the owner, while it
 * holds its lease, retries its own (docs/architecture.md, Scale-out). The leases here run on a
 * ticker the test moves, and are long enough that no keeper renews them during a test.
 */
final class ParkedEntryOwnerTest {
  private static final Bot ECHO =
      Bot.builder("echo").root(r -> r.onText(ctx -> ctx.reply("hi " + ctx.text()))).build();
  private static final Duration LEASE = Duration.ofMinutes(10);

  private final FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
  private final AtomicLong ticks = new AtomicLong();
  private final InMemorySessionStore store = InMemorySessionStore.builder().ticker(ticks::get).build();

  /** Counts the renewals of each instance's own lease, so a test can wait for its keeper to run. */
  private static final class KeeperWatch extends ForwardingSessionStore {
    final Semaphore renewals = new Semaphore(0);

    KeeperWatch(SessionStore inner) {
      super(inner);
    }

    @Override
    public boolean renewLease(String name, String owner, Duration ttl) {
      boolean held = delegate().renewLease(name, owner, ttl);
      if (name.equals("instance:" + owner)) {
        renewals.release();
      }
      return held;
    }
  }

  private Dispatcher dispatcher(String instance, RecordingBotApi api) {
    return Dispatcher.builder(ECHO, store, api).clock(clock).recoveryMinAge(Duration.ofSeconds(60))
        .instanceId(instance, LEASE).build();
  }

  @Test
  void anEntryParkedByALiveInstanceIsSentOnceByItsOwnerAndNotByTheRecoveringInstance()
      throws Exception {
    RecordingBotApi parkingApi = new RecordingBotApi().failUnavailable("sendMessage", 1);
    RecordingBotApi recoveringApi = new RecordingBotApi();
    try (Dispatcher parking = dispatcher("parking", parkingApi);
        Dispatcher recovering = dispatcher("recovering", recoveringApi)) {
      parking.submit(text(1, 10, "there")).get(10, TimeUnit.SECONDS);
      assertEquals(List.of(), parkingApi.sentTexts(), "the API was down: the entry is parked");

      // The outage lasted two minutes; both periodic passes run once the API is back.
      clock.advance(Duration.ofMinutes(2));
      assertEquals(0, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(1, parking.retryParkedOutboxes().get(10, TimeUnit.SECONDS));

      List<String> delivered = new ArrayList<>(recoveringApi.sentTexts());
      delivered.addAll(parkingApi.sentTexts());
      assertEquals(List.of("hi there"), delivered, "the user got the one committed reply "
          + delivered.size() + " times");
    }
  }

  @Test
  void anEntryOfAnInstanceWhoseLeaseExpiredIsRecoveredOnceAndItsOwnerNoLongerRetriesIt()
      throws Exception {
    RecordingBotApi parkingApi = new RecordingBotApi().failUnavailable("sendMessage", 1);
    RecordingBotApi recoveringApi = new RecordingBotApi();
    try (Dispatcher parking = dispatcher("parking", parkingApi);
        Dispatcher recovering = dispatcher("recovering", recoveringApi)) {
      parking.submit(text(1, 10, "there")).get(10, TimeUnit.SECONDS);

      // The parking instance stalls (or loses the store) past its lease; the other one takes over.
      clock.advance(Duration.ofMinutes(2));
      ticks.addAndGet(LEASE.plusMinutes(1).toNanos());
      assertEquals(1, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(0, parking.retryParkedOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of("hi there"), recoveringApi.sentTexts());
      assertEquals(List.of(), parkingApi.sentTexts(), "the stalled owner sent the recovered entry again");

      // It goes on under a fresh id: its new replies are sent, and not recovered by the other.
      parking.submit(text(1, 10, "again")).get(10, TimeUnit.SECONDS);
      clock.advance(Duration.ofMinutes(2));
      assertEquals(0, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of("hi again"), parkingApi.sentTexts());
    }
  }

  @Test
  void anEntryLeftByAClosedInstanceIsRecoveredOnceAsItsLeaseIsReleased() throws Exception {
    RecordingBotApi parkingApi = new RecordingBotApi().failUnavailable("sendMessage", 1);
    RecordingBotApi recoveringApi = new RecordingBotApi();
    try (Dispatcher recovering = dispatcher("recovering", recoveringApi)) {
      try (Dispatcher parking = dispatcher("parking", parkingApi)) {
        parking.submit(text(1, 10, "there")).get(10, TimeUnit.SECONDS);
      }
      clock.advance(Duration.ofMinutes(2));
      assertEquals(1, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(0, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of("hi there"), recoveringApi.sentTexts());
      assertEquals(List.of(), parkingApi.sentTexts());
    }
  }

  @Test
  void anEntryOfAGoneInstanceWaitingBehindABusyLaneKeepsItsClaimAndIsSentWhenTheLaneFrees()
      throws Exception {
    RecordingBotApi parkingApi = new RecordingBotApi().failUnavailable("sendMessage", 1);
    RecordingBotApi recoveringApi = new RecordingBotApi();
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Bot holdingBot = Bot.builder("echo").root(r -> r
        .onCommand("hold", ctx -> {
          holding.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ctx.reply("held");
        })
        .onText(ctx -> ctx.reply("hi " + ctx.text()))).build();
    KeeperWatch watched = new KeeperWatch(store);
    try (Dispatcher parking = dispatcher("parking", parkingApi)) {
      parking.submit(text(1, 10, "there")).get(10, TimeUnit.SECONDS);
    }
    clock.advance(Duration.ofMinutes(2));
    // A short lease: its keeper runs every 100 ms, while the session's lane is busy.
    try (Dispatcher recovering = Dispatcher.builder(holdingBot, watched, recoveringApi).clock(clock)
        .recoveryMinAge(Duration.ofSeconds(60)).instanceId("recovering", Duration.ofMillis(300)).build()) {
      CompletableFuture<Void> held = recovering.submit(text(1, 10, "/hold"));
      assertTrue(holding.await(10, TimeUnit.SECONDS), "the lane is busy");
      CompletableFuture<Integer> recovered = recovering.recoverOutboxes();
      watched.renewals.drainPermits();
      assertTrue(watched.renewals.tryAcquire(2, 10, TimeUnit.SECONDS), "the lease keeper ran meanwhile");
      release.countDown();
      held.get(10, TimeUnit.SECONDS);

      assertEquals(1, recovered.get(10, TimeUnit.SECONDS), "recovered in this pass, not left for the next");
      assertEquals(List.of("held", "hi there"), recoveringApi.sentTexts().stream().sorted().toList());
      assertEquals(List.of(), parkingApi.sentTexts());
    }
  }

  @Test
  void aRecoveredEntryThatParksAgainIsRetriedOnlyByTheInstanceHoldingItsOwnersLease()
      throws Exception {
    RecordingBotApi parkingApi = new RecordingBotApi().failUnavailable("sendMessage", 1);
    RecordingBotApi recoveringApi = new RecordingBotApi().failUnavailable("sendMessage", 1);
    RecordingBotApi standbyApi = new RecordingBotApi();
    try (Dispatcher recovering = dispatcher("recovering", recoveringApi);
        Dispatcher standby = dispatcher("standby", standbyApi)) {
      try (Dispatcher parking = dispatcher("parking", parkingApi)) {
        parking.submit(text(1, 10, "there")).get(10, TimeUnit.SECONDS);
      }
      clock.advance(Duration.ofMinutes(2));
      assertEquals(0, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS), "the API is still down");

      // Leadership moves to the standby while the recovering instance holds the entry parked.
      assertEquals(0, standby.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(1, recovering.retryParkedOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(0, standby.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of("hi there"), recoveringApi.sentTexts());
      assertEquals(List.of(), standbyApi.sentTexts());
    }
  }
}
