package io.ttscenes.storage.redis;

import static io.ttscenes.storage.redis.WebhookRecoveryFixture.botReplies;
import static io.ttscenes.storage.redis.WebhookRecoveryFixture.echo;
import static io.ttscenes.storage.redis.WebhookRecoveryFixture.recoveryLeaseHolder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.store.ForwardingSessionStore;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoreUnavailableException;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.ttscenes.runtime.client.RetryPolicy;
import io.ttscenes.runtime.engine.RuntimeListener;
import io.ttscenes.runtime.ingress.WebhookIngress;
import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two webhook instances of one bot on one real Redis; instance A holds the store lease
 * {@code recovery} and is in the middle of recovering two outbox entries that an instance gone
 * meanwhile left for one session (the first one's send is slow, the second waits for it on the
 * session's lane) when it loses the lease, in each of the two ways {@code RecoveryLease} steps
 * down: its renewal is refused because the lease expired while its keeper was stalled and
 * instance B took it, or its store is out of reach long enough that the lease may have run out.
 * Either way A sends no more (only the entry already in flight arrives, from A), B takes over and
 * sends the entry A left, every reply arrives exactly once, and A goes on answering webhook
 * updates (every instance serves updates; the lease elects only the one that recovers,
 * docs/architecture.md, Scale-out).
 */
final class LostRecoveryLeaseHandsRecoveryOverTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final AtomicInteger BOTS = new AtomicInteger();
  private static final AtomicLong TIMESTAMPS = new AtomicLong(1_776_000_000_000L);
  private static final Duration TTL = Duration.ofMillis(1500);
  // Longer than the lease takes to change hands (about one TTL), shorter than the client's timeout.
  private static final Duration SLOW_SEND = Duration.ofSeconds(6);
  // Both recover every 2 s instead of the default 30 s, so B's next pass after A's claim on the
  // gone owner goes unused comes within seconds.
  private static final Duration RECOVERY_PERIOD = Duration.ofSeconds(2);
  private static final Duration WAIT = Duration.ofSeconds(20);
  // A lease changes hands within about one TTL; a step-down follows the loss within a third of it.
  private static final Duration LEASE_WAIT = Duration.ofSeconds(15);
  private static final String SECRET = "a-secret-of-at-least-22-characters";

  @RegisterExtension final ClosedAfterEach closed = new ClosedAfterEach();
  private final String botName = "lease-loss-bot-" + BOTS.incrementAndGet();
  // Runs on, so that A clears the entry it sent (two seconds later, on this clock) as in life.
  private final ShiftedClock clock = new ShiftedClock();
  private final HttpClient http = HttpClient.newHttpClient();
  private Emulator emulator;
  private EmulatedUser alice;
  private EmulatedUser bob;

  @BeforeEach
  void startEmulator() {
    emulator = closed.add(Emulator.start(0));
    alice = emulator.user("alice");
    bob = emulator.user("bob");
  }

  @Test
  void aHolderWhoseExpiredLeaseTheOtherInstanceTookSendsNoMoreAndKeepsAnsweringWebhooks()
      throws Exception {
    LeaseFaults faults = new LeaseFaults(store());
    Instance a = startRecovering(faults);
    Instance b = start(store(), RetryPolicy.defaults(), null);

    // A's keeper stalls in a renewal (a pause, a stalled connection) until the lease has expired
    // in Redis and B has taken it; then the renewal reaches Redis and is refused.
    faults.stall();
    awaitCondition(() -> b.runtime.instanceId().equals(recoveryLeaseHolder(REDIS, botName)),
        "B takes the expired lease", LEASE_WAIT);
    faults.resume();
    awaitCondition(() -> faults.triesAfterFault() > 0, "A's refused renewal makes it step down",
        LEASE_WAIT);

    assertHandedOver(a, b);
  }

  @Test
  void aHolderCutOffFromTheStoreLongerThanTheLeaseSendsNoMoreAndKeepsAnsweringWebhooks()
      throws Exception {
    LeaseFaults faults = new LeaseFaults(store());
    Instance a = startRecovering(faults);
    Instance b = start(store(), RetryPolicy.defaults(), null);

    // A's lease calls fail: A steps down before the lease can run out, B takes it once it has.
    faults.cut();
    awaitCondition(() -> b.runtime.instanceId().equals(recoveryLeaseHolder(REDIS, botName)),
        "B takes the expired lease", LEASE_WAIT);
    awaitCondition(() -> faults.triesAfterFault() > 0, "A stood down and tries to take the lease",
        LEASE_WAIT);
    faults.resume();

    assertHandedOver(a, b);
  }

  /**
   * An instance that went away leaves two entries for Alice; A starts, takes the lease and recovers them:
   * the first one's send is held by the API, so the second waits on Alice's lane.
   */
  private Instance startRecovering(SessionStore store) throws Exception {
    leaveUnsent("left one", "left two");
    emulator.faults().delay("/messages", 1, SLOW_SEND);
    Instance a = start(store, RetryPolicy.defaults(), null);
    assertEquals(a.runtime.instanceId(), recoveryLeaseHolder(REDIS, botName), "A took the lease on starting");
    return a;
  }

  private void assertHandedOver(Instance a, Instance b) throws Exception {
    assertEquals(List.of(), botReplies(alice), "the first entry's send is still held by the API when A "
        + "steps down (if not, the lease took longer than " + SLOW_SEND.toSeconds() + " s to change hands)");
    // Served by A after its step-down, while the entries it recovered are still on their way.
    assertEquals(200, deliver(a, bob, "after the step-down"), "A still serves webhook updates");
    assertEquals(List.of("echo after the step-down"), botReplies(bob));

    awaitCondition(() -> botReplies(alice).size() >= 2 && a.recovered.get() + b.recovered.get() >= 2,
        "both entries left unsent are sent");
    assertEquals(1, a.recovered.get(), "A sent only the entry in flight when it lost the lease");
    assertEquals(1, b.recovered.get(), "B sent the entry A left");
    assertEquals(b.runtime.instanceId(), recoveryLeaseHolder(REDIS, botName), "B holds the lease");

    assertEquals(200, deliver(a, alice, "still here"));
    assertEquals(200, deliver(b, alice, "and here"));
    awaitCondition(() -> botReplies(alice).size() >= 4, "both later updates answered");
    // A repeat would come from a pass or a retry already under way: give it the time to arrive.
    Thread.sleep(1_000);
    assertEquals(List.of("echo left one", "echo left two", "echo still here", "echo and here"),
        botReplies(alice), "each reply exactly once, in order");
    assertEquals(List.of("echo after the step-down"), botReplies(bob), "each reply exactly once");
    assertEquals(2, a.recovered.get() + b.recovered.get(), "nothing recovered twice");
  }

  /**
   * An instance out of recovery handles {@code texts} for Alice while TamTam refuses the replies,
   * parks the committed entries and goes away without sending them; they are then older than the
   * recovery's minimum age.
   */
  private void leaveUnsent(String... texts) throws Exception {
    emulator.faults().unavailable("/messages", 50);
    Instance gone = start(store(), RetryPolicy.none(), "false");
    for (String text : texts) {
      assertEquals(200, deliver(gone, alice, text));
    }
    gone.runtime.close();
    emulator.faults().clear();
    clock.advance(Duration.ofMinutes(2));
    assertEquals(List.of(), botReplies(alice), "the instance that went away sent nothing");
  }

  private RedisSessionStore store() {
    return closed.add(RedisSessionStore.create(
        RedisConfig.fromUrl(REDIS.url()).newBuilder().botName(botName).build()));
  }

  private Instance start(SessionStore store, RetryPolicy retries, String recovery) {
    Map<String, String> env = new HashMap<>(Map.of("TAMTAM_API_URL", emulator.baseUrl(),
        "TAMTAM_TOKEN", emulator.token(), "TTSCENES_BOT_NAME", botName,
        // Updates are posted straight to each instance, as a load balancer would.
        "WEBHOOK_URL", "https://bot.example.com/hook", "WEBHOOK_PORT", "0", "WEBHOOK_SECRET", SECRET,
        "TTSCENES_SHUTDOWN_TIMEOUT_SECONDS", "5", "TTSCENES_TIMER_PERIOD_MS", "3600000",
        "TTSCENES_WARMUP_MS", "0"));
    if (recovery != null) {
      env.put("TTSCENES_OUTBOX_RECOVERY", recovery);
    }
    RuntimeConfig config = RuntimeConfig.from(env).withPollerLease(TTL);
    OkHttpBotApi api = OkHttpBotApi.builder(emulator.token()).baseUrl(emulator.baseUrl())
        .retryPolicy(retries).build();
    AtomicInteger recovered = new AtomicInteger();
    RuntimeListener counting = new RuntimeListener() {
      @Override
      public void outboxRecovered() {
        recovered.incrementAndGet();
      }
    };
    BotRuntime runtime = BotRuntime.builder(echo(botName), config).store(store, false).api(api)
        .clock(clock).listener(counting).recoveryPeriod(RECOVERY_PERIOD).build();
    closed.add(runtime);
    runtime.start();
    return new Instance(runtime, recovered);
  }

  private int deliver(Instance instance, EmulatedUser user, String text) throws Exception {
    long ts = TIMESTAMPS.incrementAndGet();
    String name = user.name();
    String sender = "{\"user_id\":" + user.userId() + ",\"first_name\":\"" + name + "\",\"is_bot\":false,"
        + "\"last_activity_time\":0,\"name\":\"" + name + "\"}";
    String update = "{\"update_type\":\"message_created\",\"timestamp\":" + ts + ",\"message\":{"
        + "\"sender\":" + sender + ",\"recipient\":{\"chat_id\":" + user.chatId()
        + ",\"chat_type\":\"dialog\",\"user_id\":" + user.userId() + "},\"timestamp\":" + ts
        + ",\"body\":{\"mid\":\"mid." + name + "." + ts + "\",\"seq\":" + ts + ",\"text\":\"" + text
        + "\"}},\"user_locale\":\"en\"}";
    int port = ((WebhookIngress) instance.runtime.ingress()).port();
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hook/" + SECRET))
        .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }




  private static void awaitCondition(BooleanSupplier condition, String what) {
    awaitCondition(condition, what, WAIT);
  }

  private static void awaitCondition(BooleanSupplier condition, String what, Duration wait) {
    WebhookRecoveryFixture.awaitCondition(condition, what, wait);
  }


  private record Instance(BotRuntime runtime, AtomicInteger recovered) {}

  /**
   * The real store, except that the recovery lease's calls can be stalled (held until resumed,
   * then passed on) or cut off (failing as if Redis were out of reach); every other call, the
   * instance lease and its claims included, goes through.
   */
  private static final class LeaseFaults extends ForwardingSessionStore {
    private static final String RECOVERY = "recovery";

    private volatile CountDownLatch stalled = new CountDownLatch(0);
    private volatile boolean cut;
    private volatile boolean faulted;
    private final AtomicInteger triesAfterFault = new AtomicInteger();

    LeaseFaults(SessionStore delegate) {
      super(delegate);
    }

    void stall() {
      stalled = new CountDownLatch(1);
      faulted = true;
    }

    void cut() {
      cut = true;
      faulted = true;
    }

    void resume() {
      cut = false;
      stalled.countDown();
    }

    /** Tries to take the recovery lease since the fault began: made only by an instance not holding it. */
    int triesAfterFault() {
      return triesAfterFault.get();
    }

    @Override
    public boolean tryAcquireLease(String name, String owner, Duration ttl) {
      if (RECOVERY.equals(name) && faulted) {
        triesAfterFault.incrementAndGet();
      }
      check(name);
      return super.tryAcquireLease(name, owner, ttl);
    }

    @Override
    public boolean renewLease(String name, String owner, Duration ttl) {
      if (RECOVERY.equals(name)) {
        try {
          stalled.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StoreUnavailableException("interrupted while stalled", e);
        }
      }
      check(name);
      return super.renewLease(name, owner, ttl);
    }

    private void check(String name) {
      if (cut && RECOVERY.equals(name)) {
        throw new StoreUnavailableException("the recovery lease's calls are cut off for this test", null);
      }
    }
  }
}
