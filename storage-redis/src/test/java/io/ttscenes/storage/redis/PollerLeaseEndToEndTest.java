package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.store.ForwardingSessionStore;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoreUnavailableException;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.ttscenes.runtime.engine.RuntimeListener;
import io.ttscenes.runtime.ingress.LongPollIngress;
import io.ttscenes.testkit.BotMessage;
import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

/**
 * Two instances of one bot long poll one emulator over one Redis: only the holder of the poller
 * lease polls, and when it closes or loses the lease the other takes over without losing or
 * repeating an update of the conversation.
 */
final class PollerLeaseEndToEndTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final AtomicInteger BOTS = new AtomicInteger();
  private static final Duration WAIT = Duration.ofSeconds(30);

  record Count(int n) {}

  @RegisterExtension final ClosedAfterEach closed = new ClosedAfterEach();
  private final String botName = "lease-bot-" + BOTS.incrementAndGet();
  private Emulator emulator;
  private EmulatedUser user;
  private int sent;

  @BeforeEach
  void startEmulator() {
    emulator = closed.add(Emulator.start(0));
    user = emulator.user("alice");
  }

  @Test
  void onlyTheLeaseHolderPollsAndEachUpdateIsHandledOnce() throws Exception {
    Instance first = start(Duration.ofSeconds(15), store());
    Instance second = start(Duration.ofSeconds(15), store());

    assertTrue(first.polls(), "the first instance took the lease");
    assertFalse(second.polls(), "the second one stands by");
    talk(5);
    assertTrue(emulator.awaitWaitingPolls(1, WAIT));
    assertEquals(5, first.received.get());
    assertEquals(0, second.received.get(), "the standby instance received nothing");
    assertEquals(first.runtime.instanceId(), leaseOwner());
    assertRepliesExactlyOnce();
  }

  @Test
  void closingTheHolderHandsPollingToTheStandbyAndTheConversationGoesOn() throws Exception {
    Instance first = start(Duration.ofSeconds(3), store());
    Instance second = start(Duration.ofSeconds(3), store());
    talk(3);

    first.runtime.close();
    assertEquals(null, leaseOwner(), "closing released the lease at once");
    talk(3);

    assertTrue(second.polls());
    assertEquals(3, first.received.get());
    assertEquals(3, second.received.get(), "the standby took over and handled the rest");
    assertRepliesExactlyOnce();
  }

  @Test
  void aCloseThatRunsOutOfDrainTimeLeavesNothingRunningAndTheStandbyAnswersTheUpdateOnce() throws Exception {
    CountDownLatch entered = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    Bot stuckOnce = Bot.builder(botName).sessionData(Count.class, () -> new Count(0))
        .root(root -> root.onText(ctx -> {
          if (ctx.text().equals("stuck")) {
            entered.countDown();
            awaitUninterruptibly(release);
          }
          int n = ctx.session(Count.class).n() + 1;
          ctx.setSession(new Count(n));
          ctx.reply(n + ": " + ctx.text());
        }))
        .build();
    Map<String, String> oneSecondToDrain = Map.of("TTSCENES_SHUTDOWN_TIMEOUT_SECONDS", "1");
    Instance first = start(Duration.ofSeconds(3), store(), stuckOnce, oneSecondToDrain);
    Instance second = start(Duration.ofSeconds(3), store(), stuckOnce, oneSecondToDrain);
    assertTrue(first.polls());
    user.sendText("stuck");
    awaitCondition(() -> entered.getCount() == 1, "the holder runs the stuck handler");

    first.runtime.close();
    String firstLease = "tts:" + botName + ":lease:instance:" + first.runtime.instanceId();
    assertFalse(instanceLeaseHeld(firstLease), "close released the instance lease");
    // Longer than a renewal period (a third of the 3 s lease): a keeper left running would renew it.
    Thread.sleep(1_500);
    assertFalse(instanceLeaseHeld(firstLease), "nothing renews the lease of a closed instance");

    // Not acknowledged by the closed holder: the standby takes the poller lease and gets it again.
    awaitCondition(() -> entered.getCount() == 0, "the standby runs the redelivered update");
    release.countDown();
    assertEquals("1: stuck", user.awaitMessage(WAIT).text());
    sent = 1;
    talk(1);
    assertEquals(1, first.received.get());
    assertTrue(emulator.awaitAcknowledged(WAIT), "every update acknowledged");
    assertEquals(List.of("1: stuck", "2: m2"), replies(), "the closed holder committed and sent nothing");
  }

  @Test
  void aHolderCutOffFromTheStoreStepsDownAndTheStandbyTakesOverWhenTheLeaseExpires()
      throws Exception {
    CutOffLeases cutOff = new CutOffLeases(store());
    Instance first = start(Duration.ofMillis(900), cutOff);
    Instance second = start(Duration.ofMillis(900), store());
    talk(2);

    cutOff.cut = true;
    awaitCondition(() -> !first.polls(), "the cut-off holder steps down");
    awaitCondition(second::polls, "the standby takes the expired lease");
    talk(3);

    assertEquals(2, first.received.get());
    assertEquals(3, second.received.get());
    assertEquals(second.runtime.instanceId(), leaseOwner());
    assertRepliesExactlyOnce();
  }

  @Test
  void deletingTheLeaseMakesItsHolderStepDownAndPollingGoesOnFromOneInstance() throws Exception {
    Instance first = start(Duration.ofMillis(900), store());
    Instance second = start(Duration.ofMillis(900), store());
    talk(2);

    try (UnifiedJedis redis = REDIS.newClient()) {
      redis.del("tts:" + botName + ":lease:poller");
    }
    // The holder's next renewal is refused; then whichever instance tries first takes it.
    awaitCondition(() -> leaseOwner() != null && first.polls() != second.polls(),
        "one instance holds the lease again");
    talk(3);

    assertEquals(5, first.received.get() + second.received.get(), "no update handled twice");
    assertEquals(first.polls() ? first.runtime.instanceId() : second.runtime.instanceId(), leaseOwner());
    assertRepliesExactlyOnce();
  }

  /** The user sends {@code messages} texts, each after the reply to the one before. */
  private void talk(int messages) {
    for (int i = 0; i < messages; i++) {
      sent++;
      user.sendText("m" + sent);
      assertEquals(sent + ": m" + sent, user.awaitMessage(WAIT).text());
    }
  }

  private void assertRepliesExactlyOnce() throws InterruptedException {
    assertTrue(emulator.awaitAcknowledged(WAIT), "every update acknowledged");
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= sent; i++) {
      expected.add(i + ": m" + i);
    }
    assertEquals(expected, replies());
  }

  private List<String> replies() {
    return user.messages().stream()
        .filter(m -> m.json().path("sender").path("user_id").asLong() != user.userId())
        .map(BotMessage::text).toList();
  }

  private static boolean instanceLeaseHeld(String key) {
    try (UnifiedJedis redis = REDIS.newClient()) {
      return redis.exists(key);
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    // As a handler that does not answer its interrupt: only its own code can end it.
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private String leaseOwner() {
    try (UnifiedJedis redis = REDIS.newClient()) {
      return redis.get("tts:" + botName + ":lease:poller");
    }
  }

  private static void awaitCondition(BooleanSupplier condition, String what) {
    // Lease expiry runs on Redis's clock: poll with a deadline instead of sleeping.
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + WAIT.toSeconds() + " s");
      }
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
  }

  private SessionStore store() {
    RedisSessionStore store = RedisSessionStore.create(
        RedisConfig.fromUrl(REDIS.url()).newBuilder().botName(botName).build());
    closed.add(store);
    return store;
  }

  private Instance start(Duration lease, SessionStore store) {
    return start(lease, store, counter(), Map.of());
  }

  private Instance start(Duration lease, SessionStore store, Bot bot, Map<String, String> settings) {
    Map<String, String> env = new HashMap<>(Map.of(
        "TAMTAM_API_URL", emulator.baseUrl(),
        "TAMTAM_TOKEN", emulator.token(),
        "TTSCENES_BOT_NAME", botName,
        // A poll that outlives its lease ends soon, so the emulator sees one waiting poll.
        "TTSCENES_POLL_TIMEOUT_SECONDS", "1",
        "TTSCENES_TIMER_PERIOD_MS", "3600000"));
    env.putAll(settings);
    RuntimeConfig config = RuntimeConfig.from(env).withPollerLease(lease);
    OkHttpBotApi api = OkHttpBotApi.builder(emulator.token()).baseUrl(emulator.baseUrl()).build();
    AtomicInteger received = new AtomicInteger();
    RuntimeListener counting = new RuntimeListener() {
      @Override
      public void updateReceived(String updateType) {
        received.incrementAndGet();
      }
    };
    BotRuntime runtime = BotRuntime.builder(bot, config).store(store, false).api(api)
        .listener(counting).build();
    closed.add(runtime);
    runtime.start();
    return new Instance(runtime, received);
  }

  private Bot counter() {
    return Bot.builder(botName)
        .sessionData(Count.class, () -> new Count(0))
        .root(root -> root.onText(ctx -> {
          int n = ctx.session(Count.class).n() + 1;
          ctx.setSession(new Count(n));
          ctx.reply(n + ": " + ctx.text());
        }))
        .build();
  }

  private record Instance(BotRuntime runtime, AtomicInteger received) {
    boolean polls() {
      return ((LongPollIngress) runtime.ingress()).holdsLease();
    }
  }

  /** A store whose lease calls fail while {@link #cut} is set, as if Redis were out of reach. */
  private static final class CutOffLeases extends ForwardingSessionStore {
    volatile boolean cut;

    CutOffLeases(SessionStore delegate) {
      super(delegate);
    }

    @Override
    public boolean tryAcquireLease(String name, String owner, Duration ttl) {
      check();
      return super.tryAcquireLease(name, owner, ttl);
    }

    @Override
    public boolean renewLease(String name, String owner, Duration ttl) {
      check();
      return super.renewLease(name, owner, ttl);
    }

    private void check() {
      if (cut) {
        throw new StoreUnavailableException("lease calls are cut off for this test", null);
      }
    }
  }
}
