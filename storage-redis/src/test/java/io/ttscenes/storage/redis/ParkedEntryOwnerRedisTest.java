package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.model.ChatType;
import io.ttscenes.api.model.Message;
import io.ttscenes.api.model.MessageBody;
import io.ttscenes.api.model.MessageCreatedUpdate;
import io.ttscenes.api.model.Recipient;
import io.ttscenes.api.model.User;
import io.ttscenes.api.store.ForwardingSessionStore;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoreUnavailableException;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.ttscenes.runtime.client.RetryPolicy;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.testkit.BotMessage;
import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

/**
 * Two dispatchers of one bot over one Redis, as two instances: an entry parked by one after the
 * API failed is left to it by the other's recovery while its instance lease lives in Redis, and
 * recovered by the other once that lease was released; a recovery pass whose lease is lost
 * midway sends no more, and the new holder sends what it left, once.
 */
final class ParkedEntryOwnerRedisTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final AtomicInteger BOTS = new AtomicInteger();
  private static final Duration LONG_LEASE = Duration.ofSeconds(30);
  private final CountDownLatch waiting = new CountDownLatch(2);
  private final CountDownLatch release = new CountDownLatch(1);
  // "wait" holds its session's lane until the test releases it.
  private final Bot echo = Bot.builder("echo").root(r -> r.onText(ctx -> {
    if (ctx.text().equals("wait")) {
      waiting.countDown();
      awaitQuietly(release);
    }
    ctx.reply("hi " + ctx.text());
  })).build();

  private final String botName = "owner-bot-" + BOTS.incrementAndGet();
  @RegisterExtension final ClosedAfterEach closed = new ClosedAfterEach();
  private final Emulator emulator = closed.add(Emulator.start(0));
  private final EmulatedUser alice = emulator.user("alice");
  private final EmulatedUser bob = emulator.user("bob");

  // Runs before the extension closes the dispatchers: a lane held by "wait" must let go first.
  @AfterEach
  void releaseHeldLanes() {
    release.countDown();
  }

  @Test
  void theRecoveringInstanceLeavesAnEntryParkedByALiveOneAndTakesItOnceThatOneClosed()
      throws Exception {
    Dispatcher parking = dispatcher("parking");
    Dispatcher recovering = dispatcher("recovering");
    emulator.faults().unavailable("/messages", 1);
    parking.submit(text("there")).get(10, TimeUnit.SECONDS);
    assertEquals(List.of(), replies(), "the API was down: the entry is parked");

    assertEquals(0, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS), "the owner is alive");
    assertEquals(1, parking.retryParkedOutboxes().get(10, TimeUnit.SECONDS));
    assertEquals(List.of("hi there"), replies());

    emulator.faults().unavailable("/messages", 1);
    parking.submit(text("again")).get(10, TimeUnit.SECONDS);
    parking.close();
    assertEquals(1, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS), "the owner is gone");
    assertEquals(0, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS));
    assertEquals(List.of("hi there", "hi again"), replies());
  }

  @Test
  void aRecoveryPassThatLosesItsLeaseSendsNoMoreAndTheNewHolderSendsTheRestOnce() throws Exception {
    Dispatcher crashed = dispatcher("crashed", LONG_LEASE);
    emulator.faults().unavailable("/messages", 2);
    crashed.submit(text(alice, "one")).get(10, TimeUnit.SECONDS);
    crashed.submit(text(bob, "one")).get(10, TimeUnit.SECONDS);
    crashed.close();
    assertEquals(List.of(), replies(alice), "both entries were left in the store");

    // The pass's entries queue behind two busy lanes; the lease is lost before they get their turn.
    Dispatcher old = dispatcher("old-holder", Duration.ofMillis(900));
    CompletableFuture<Void> aliceBusy = old.submit(text(alice, "wait"));
    CompletableFuture<Void> bobBusy = old.submit(text(bob, "wait"));
    assertTrue(waiting.await(10, TimeUnit.SECONDS));
    CompletableFuture<Integer> pass = old.recoverOutboxes();
    // What OutboxRecovery does when the poller lease (or the recovery election) reports it lost.
    old.stopOutboxRecovery();
    release.countDown();
    CompletableFuture.allOf(aliceBusy, bobBusy).get(10, TimeUnit.SECONDS);

    assertEquals(0, pass.get(10, TimeUnit.SECONDS), "nothing sent once the lease was lost");
    assertEquals(List.of("hi wait"), replies(alice));
    assertEquals(List.of("hi wait"), replies(bob));

    // The new holder gets the crashed owner's entries once the old holder lets its claim go.
    Dispatcher holder = dispatcher("new-holder", LONG_LEASE);
    int recovered = 0;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (recovered < 2 && System.nanoTime() < end) {
      recovered += holder.recoverOutboxes().get(10, TimeUnit.SECONDS);
      Thread.sleep(50);
    }
    assertEquals(2, recovered);
    assertEquals(0, holder.recoverOutboxes().get(10, TimeUnit.SECONDS));
    assertEquals(List.of("hi wait", "hi one"), replies(alice), "sent once, by the new holder");
    assertEquals(List.of("hi wait", "hi one"), replies(bob));
  }

  @Test
  void aClaimIsKeptWhileAnEntrySentUnderItWaitsToBeClearedSoTheNextHolderNeverSendsItAgain()
      throws Exception {
    Dispatcher crashed = dispatcher("crashed", LONG_LEASE);
    emulator.faults().unavailable("/messages", 1);
    crashed.submit(text("one")).get(10, TimeUnit.SECONDS);
    crashed.close();
    assertEquals(List.of(), replies(), "the entry was left in the store");

    // The old holder sends the entry under its claim, and its clear fails (a store hiccup): the
    // sent entry stays in the store until a later clear, here longer than many renewal rounds of
    // the claim (an entry sent under a claim is cleared at once, whatever the clear delay).
    ClearsFail clears = new ClearsFail(store());
    Dispatcher old = dispatcher("old-holder", Duration.ofMillis(900), Duration.ofMinutes(1), 1024, clears);
    assertEquals(1, old.recoverOutboxes().get(10, TimeUnit.SECONDS));
    assertEquals(List.of("hi one"), replies());
    assertTrue(clears.failed > 0, "the clear was tried and failed");
    clears.failing = false;
    // Several rounds of its keeper (every 300 ms) in which no entry of the gone owner is parked
    // or being recovered.
    Thread.sleep(2_000);

    // The old holder lost the recovery lease meanwhile; the new holder's pass lists the sent entry.
    Dispatcher holder = dispatcher("new-holder", LONG_LEASE);
    assertEquals(0, holder.recoverOutboxes().get(10, TimeUnit.SECONDS),
        "the claim was let go while the sent entry waited to be cleared: the new holder sent it again");
    assertEquals(List.of("hi one"), replies());

    // Cleared (a graceful stop clears what was sent), the claim goes and nothing is left to send.
    old.close();
    assertEquals(0, holder.recoverOutboxes().get(10, TimeUnit.SECONDS));
    assertEquals(List.of("hi one"), replies(), "sent once");
  }

  @Test
  void anEntryRecoveredUnderAClaimIsClearedAtOnceSoTheNextHolderGetsTheOwnersOtherEntriesWithoutWaitingTheClearDelay()
      throws Exception {
    Dispatcher crashed = dispatcher("crashed", LONG_LEASE);
    emulator.faults().unavailable("/messages", 2);
    crashed.submit(text(alice, "one")).get(10, TimeUnit.SECONDS);
    crashed.submit(text(bob, "one")).get(10, TimeUnit.SECONDS);
    crashed.close();

    // The old holder sends Alice's entry; Bob's waits behind a busy lane when the lease is lost.
    Dispatcher old = dispatcher("old-holder", Duration.ofMillis(900), Duration.ofMinutes(1));
    CompletableFuture<Void> bobBusy = old.submit(text(bob, "wait"));
    awaitTrue(() -> waiting.getCount() == 1, "Bob's lane is busy");
    CompletableFuture<Integer> pass = old.recoverOutboxes();
    awaitTrue(() -> replies(alice).equals(List.of("hi one")), "Alice's entry is sent");
    old.stopOutboxRecovery();
    release.countDown();
    bobBusy.get(10, TimeUnit.SECONDS);
    assertEquals(1, pass.get(10, TimeUnit.SECONDS));
    assertEquals(List.of("hi wait"), replies(bob));

    // The new holder gets Bob's entry once the claim goes unused (a few 300 ms keeper rounds), not
    // once the clear delay (a minute here; 2 s and the 30 s recovery period in the runtime) is over.
    Dispatcher holder = dispatcher("new-holder", LONG_LEASE);
    int recovered = 0;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (recovered == 0 && System.nanoTime() < end) {
      recovered += holder.recoverOutboxes().get(10, TimeUnit.SECONDS);
      Thread.sleep(50);
    }
    assertEquals(1, recovered, "Bob's entry waited for the old holder's clear delay");
    assertEquals(List.of("hi wait", "hi one"), replies(bob));
    assertEquals(List.of("hi one"), replies(alice), "sent once");
  }

  @Test
  void aNewHolderWhosePassListedAnEntryBeforeTheOldHolderClearedItDoesNotSendItAgain()
      throws Exception {
    // Bob's entry, parked by a live instance, comes first in the store's listing; Alice's is
    // left by an instance that went away.
    Dispatcher other = dispatcher("other", LONG_LEASE);
    emulator.faults().unavailable("/messages", 1);
    other.submit(text(bob, "first")).get(10, TimeUnit.SECONDS);
    Dispatcher crashed = dispatcher("crashed", LONG_LEASE);
    emulator.faults().unavailable("/messages", 1);
    crashed.submit(text(alice, "one")).get(10, TimeUnit.SECONDS);
    crashed.close();

    // The old holder sends Alice's entry under its claim (Bob's owner is alive); the entry waits
    // in the store for its clear.
    Dispatcher old = dispatcher("old-holder", Duration.ofMillis(900), Duration.ofMinutes(1));
    assertEquals(1, old.recoverOutboxes().get(10, TimeUnit.SECONDS));
    assertEquals(List.of("hi one"), replies(alice));
    other.close();

    // The new holder's lanes are full (a long update holds the only place): its pass lists both
    // entries, takes the claim on Bob's gone owner and waits for room to hand Bob's entry over.
    EmulatedUser carol = emulator.user("carol");
    Dispatcher holder = dispatcher("new-holder", LONG_LEASE, Duration.ZERO, 1);
    CompletableFuture<Void> busy = holder.submit(text(carol, "wait"));
    awaitTrue(() -> waiting.getCount() == 1, "the long update runs");
    CompletableFuture<Integer> pass = CompletableFuture.supplyAsync(() -> holder.recoverOutboxes().join());
    // Claimed once listed; the pass cannot go on to Alice's entry before the long update ends.
    awaitTrue(() -> leaseHolder("other").equals("new-holder-" + botName),
        "the pass listed the entries and claimed Bob's owner");

    // Meanwhile the old holder clears what it sent and lets its claim go (a graceful stop here;
    // its clearing pass and keeper do the same a few seconds later).
    old.close();
    release.countDown();
    busy.get(10, TimeUnit.SECONDS);

    assertEquals(1, pass.get(10, TimeUnit.SECONDS), "only Bob's entry was left to send");
    assertEquals(List.of("hi first"), replies(bob));
    assertEquals(List.of("hi one"), replies(alice),
        "the pass listed Alice's entry before the old holder cleared it, and sent it again");
    assertEquals(0, holder.recoverOutboxes().get(10, TimeUnit.SECONDS));
  }

  private String leaseHolder(String instance) {
    try (UnifiedJedis redis = REDIS.newClient()) {
      return String.valueOf(redis.get("tts:" + botName + ":lease:instance:" + instance + "-" + botName));
    }
  }

  private static void awaitTrue(BooleanSupplier condition, String what)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError(what + ": not within 10 s");
      }
      Thread.sleep(10);
    }
  }

  private Dispatcher dispatcher(String instance) {
    return dispatcher(instance, LONG_LEASE);
  }

  private Dispatcher dispatcher(String instance, Duration lease) {
    return dispatcher(instance, lease, Duration.ZERO);
  }

  private Dispatcher dispatcher(String instance, Duration lease, Duration clearDelay) {
    return dispatcher(instance, lease, clearDelay, 1024);
  }

  private Dispatcher dispatcher(String instance, Duration lease, Duration clearDelay, int capacity) {
    return dispatcher(instance, lease, clearDelay, capacity, store());
  }

  private RedisSessionStore store() {
    return closed.add(RedisSessionStore.create(
        RedisConfig.fromUrl(REDIS.url()).newBuilder().botName(botName).build()));
  }

  private Dispatcher dispatcher(String instance, Duration lease, Duration clearDelay, int capacity,
      SessionStore store) {
    BotApi api = OkHttpBotApi.builder(emulator.token()).baseUrl(emulator.baseUrl())
        .retryPolicy(RetryPolicy.none()).build();
    Dispatcher dispatcher = Dispatcher.builder(echo, store, api).recoveryMinAge(Duration.ZERO)
        .clearSentOutboxesAfter(clearDelay).queueCapacity(capacity)
        .instanceId(instance + "-" + botName, lease).build();
    closed.add(dispatcher);
    return dispatcher;
  }

  private MessageCreatedUpdate text(String text) {
    return text(alice, text);
  }

  private static MessageCreatedUpdate text(EmulatedUser user, String text) {
    long now = System.currentTimeMillis();
    User sender = new User(user.userId(), user.name(), user.name(), false, 0);
    Message message = new Message(sender, new Recipient(user.chatId(), ChatType.DIALOG, null), now,
        null, new MessageBody("mid." + user.name() + "." + text, 1, text, List.of(), null), null, null, null);
    return new MessageCreatedUpdate(now, message, "en");
  }

  private List<String> replies() {
    return replies(alice);
  }

  private static List<String> replies(EmulatedUser user) {
    return user.messages().stream().map(BotMessage::text).toList();
  }

  /** The real store, except that clearing sent outbox entries fails while {@link #failing}. */
  private static final class ClearsFail extends ForwardingSessionStore {
    volatile boolean failing = true;
    volatile int failed;

    ClearsFail(SessionStore delegate) {
      super(delegate);
    }

    @Override
    public void clearOutbox(String key, String outboxId) {
      check();
      super.clearOutbox(key, outboxId);
    }

    @Override
    public void clearOutboxes(Map<String, ? extends Collection<String>> idsByKey) {
      check();
      super.clearOutboxes(idsByKey);
    }

    private void check() {
      if (failing) {
        failed++;
        throw new StoreUnavailableException("clearing is cut off for this test", null);
      }
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
