package io.ttscenes.runtime;

import static io.ttscenes.runtime.fake.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.store.ForwardingSessionStore;
import io.ttscenes.api.store.PendingPage;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.ttscenes.runtime.client.RetryPolicy;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.fake.FakeTamTam;
import io.ttscenes.runtime.ingress.LongPollIngress;
import io.ttscenes.runtime.json.WireJson;
import io.ttscenes.runtime.store.InMemorySessionStore;
import io.ttscenes.runtime.warmup.WarmupSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Outbox recovery follows the poller lease: gaining it starts a pass, losing it stops the pass under way. */
final class OutboxRecoveryTest {
  private final InMemorySessionStore store = InMemorySessionStore.create();
  private final CountDownLatch waiting = new CountDownLatch(2);
  private final CountDownLatch release = new CountDownLatch(1);
  private final Bot bot = Bot.builder("recovery-test").root(r -> r.onText(ctx -> {
    if (ctx.text().equals("wait")) {
      waiting.countDown();
      awaitQuietly(release);
    }
    ctx.reply("echo " + ctx.text());
  })).build();
  private final FakeTamTam tamtam = startTamTam();

  @AfterEach
  void stop() {
    release.countDown();
    tamtam.close();
  }

  @Test
  void losingThePollerLeaseStopsThePassUnderWayAndItsEntriesStayInTheStore() throws Exception {
    List<String> left = leaveTwoEntriesInTheStore();
    assertTrue(store.tryAcquireLease("poller", "other-instance", Duration.ofMinutes(1)));
    BotRuntime runtime = BotRuntime.builder(bot, RuntimeConfig.from(Map.of("TAMTAM_API_URL", tamtam.url(),
            "TTSCENES_POLL_TIMEOUT_SECONDS", "1", "TTSCENES_POLLER_LEASE_SECONDS", "3",
            "TTSCENES_TIMER_PERIOD_MS", "3600000")))
        .store(store, false).warmup(WarmupSettings.disabled())
        // Two minutes on: the entries left are past recovery's minimum age of 60 s.
        .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2))).build();
    runtime.start();
    LongPollIngress ingress = (LongPollIngress) runtime.ingress();
    CompletableFuture<Void> first = runtime.dispatcher().submit(update(1, "wait"));
    CompletableFuture<Void> second = runtime.dispatcher().submit(update(2, "wait"));
    assertTrue(waiting.await(10, TimeUnit.SECONDS));

    // Taking the lease starts a pass, whose entries wait behind the two busy lanes; then it is lost.
    store.releaseLease("poller", "other-instance");
    awaitLease(ingress, true);
    store.releaseLease("poller", runtime.instanceId());
    assertTrue(store.tryAcquireLease("poller", "other-instance", Duration.ofMinutes(1)));
    awaitLease(ingress, false);
    release.countDown();
    CompletableFuture.allOf(first, second).get(10, TimeUnit.SECONDS);
    assertEquals(0, awaitIdle(runtime.dispatcher()), "the recovered entries' lane tasks ran");

    assertEquals(List.of("echo wait", "echo wait"), tamtam.texts(), "nothing recovered after the lease was lost");
    assertTrue(pendingIds().containsAll(left), "the entries are left to the new holder: " + pendingIds());
    runtime.close();
  }

  @Test
  void aPassStillReadingTheStoreWhenThePollerLeaseIsLostSendsNothingEvenOnIdleLanes() throws Exception {
    List<String> left = leaveTwoEntriesInTheStore();
    assertTrue(store.tryAcquireLease("poller", "other-instance", Duration.ofMinutes(1)));
    // The pass that taking the lease starts waits in its first page read until the lease is lost.
    FirstPageHeld slowPage = new FirstPageHeld(store);
    BotRuntime runtime = BotRuntime.builder(bot, RuntimeConfig.from(Map.of("TAMTAM_API_URL", tamtam.url(),
            "TTSCENES_POLL_TIMEOUT_SECONDS", "1", "TTSCENES_POLLER_LEASE_SECONDS", "3",
            "TTSCENES_TIMER_PERIOD_MS", "3600000")))
        .store(slowPage, false).warmup(WarmupSettings.disabled())
        .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2))).build();
    runtime.start();
    LongPollIngress ingress = (LongPollIngress) runtime.ingress();

    store.releaseLease("poller", "other-instance");
    awaitLease(ingress, true);
    assertTrue(slowPage.reading.await(20, TimeUnit.SECONDS), "taking the lease started a pass");
    store.releaseLease("poller", runtime.instanceId());
    assertTrue(store.tryAcquireLease("poller", "other-instance", Duration.ofMinutes(1)));
    awaitLease(ingress, false);
    slowPage.goOn.countDown();
    assertTrue(slowPage.read.await(10, TimeUnit.SECONDS));
    // The page's entries go to idle lanes at once; give them time to run, then wait for the lanes.
    Thread.sleep(300);
    assertEquals(0, awaitIdle(runtime.dispatcher()));

    assertEquals(List.of(), tamtam.texts(), "nothing recovered after the lease was lost");
    assertTrue(pendingIds().containsAll(left), "the entries are left to the new holder: " + pendingIds());
    runtime.close();
  }

  @Test
  void aPassCalledWhileTheLeaseWasHeldButWaitingBehindAnotherPassSendsNothingOnceTheLeaseIsLost()
      throws Exception {
    List<String> left = leaveTwoEntriesInTheStore();
    // The first pass's first page read waits, so a second pass called meanwhile waits behind it.
    FirstPageHeld slowPage = new FirstPageHeld(store);
    try (Dispatcher holder = Dispatcher.builder(bot, slowPage, tamtam.client()).recoveryMinAge(Duration.ZERO)
        .instanceId("holder", Duration.ofSeconds(30)).build()) {
      AtomicReference<CompletableFuture<Integer>> firstPass = new AtomicReference<>();
      AtomicReference<CompletableFuture<Integer>> secondPass = new AtomicReference<>();
      Thread first = new Thread(() -> firstPass.set(holder.recoverOutboxes()), "first-pass");
      first.start();
      assertTrue(slowPage.reading.await(10, TimeUnit.SECONDS));
      Thread second = new Thread(() -> secondPass.set(holder.recoverOutboxes()), "second-pass");
      second.start();
      awaitBlocked(second);

      // Both passes were called while this instance held the lease; now it is lost.
      holder.stopOutboxRecovery();
      slowPage.goOn.countDown();
      first.join(10_000);
      second.join(10_000);

      assertEquals(0, firstPass.get().get(10, TimeUnit.SECONDS), "the pass reading its page sent nothing");
      assertEquals(0, secondPass.get().get(10, TimeUnit.SECONDS), "the pass waiting behind it sent nothing");
      assertEquals(List.of(), tamtam.texts(), "nothing recovered after the lease was lost");
      assertTrue(pendingIds().containsAll(left), "the entries are left to the new holder: " + pendingIds());
    }
  }

  /** The store, but its first page read of pending outboxes waits until {@link #goOn} opens. */
  private static final class FirstPageHeld extends ForwardingSessionStore {
    final CountDownLatch reading = new CountDownLatch(1);
    final CountDownLatch goOn = new CountDownLatch(1);
    final CountDownLatch read = new CountDownLatch(1);
    private final AtomicBoolean first = new AtomicBoolean(true);

    FirstPageHeld(SessionStore store) {
      super(store);
    }

    @Override
    public PendingPage pendingOutboxes(Optional<String> cursor, int limit) {
      if (!first.compareAndSet(true, false)) {
        return super.pendingOutboxes(cursor, limit);
      }
      reading.countDown();
      awaitQuietly(goOn);
      try {
        return super.pendingOutboxes(cursor, limit);
      } finally {
        read.countDown();
      }
    }
  }

  /** Waits (bounded) until {@code thread} waits for a monitor: the pass called on it waits for the one before. */
  private static void awaitBlocked(Thread thread) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (thread.getState() != Thread.State.BLOCKED && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    assertEquals(Thread.State.BLOCKED, thread.getState(), "the second pass waits for the first");
  }

  private static void awaitLease(LongPollIngress ingress, boolean held) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (ingress.holdsLease() != held && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    assertEquals(held, ingress.holdsLease(), held ? "the runtime took the released lease" : "it found the lease taken");
  }

  /** A process commits two replies while the API is unreachable, parks them and goes away. */
  private List<String> leaveTwoEntriesInTheStore() throws Exception {
    OkHttpBotApi unreachable = OkHttpBotApi.builder("token").baseUrl("http://127.0.0.1:1/")
        .retryPolicy(RetryPolicy.none()).build();
    Dispatcher crashed = dispatcher("crashed", unreachable);
    crashed.submit(update(1, "one")).get(10, TimeUnit.SECONDS);
    crashed.submit(update(2, "one")).get(10, TimeUnit.SECONDS);
    crashed.close();
    List<String> left = pendingIds();
    assertEquals(2, left.size());
    return left;
  }

  private List<String> pendingIds() {
    return store.pendingOutboxes(100).stream().map(p -> p.entry().id()).toList();
  }

  private Dispatcher dispatcher(String instance, OkHttpBotApi api) {
    return Dispatcher.builder(bot, store, api).recoveryMinAge(Duration.ZERO)
        .instanceId(instance, Duration.ofSeconds(30)).build();
  }

  private static Update update(long user, String text) throws Exception {
    return WireJson.create().readValue(message(user, text), Update.class);
  }

  private static int awaitIdle(Dispatcher dispatcher) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (dispatcher.queuedTasks() > 0 && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    return dispatcher.queuedTasks();
  }

  private static FakeTamTam startTamTam() {
    try {
      return FakeTamTam.start();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
