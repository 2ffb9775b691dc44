package io.ttscenes.storage.redis;

import static io.ttscenes.storage.redis.WebhookRecoveryFixture.botReplies;
import static io.ttscenes.storage.redis.WebhookRecoveryFixture.echo;
import static io.ttscenes.storage.redis.WebhookRecoveryFixture.recoveryLeaseHolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.testing.FakeClock;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhook instances of one bot on one Redis elect the one that recovers crash-left outboxes through
 * the store lease {@code recovery}, with no setting per instance: an entry left by a crashed
 * instance is sent exactly once, by the holder, and when the holder closes the other instance takes
 * the lease and recovers what is left from then on.
 */
final class RecoveryElectionEndToEndTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final AtomicInteger BOTS = new AtomicInteger();
  private static final AtomicLong TIMESTAMPS = new AtomicLong(1_775_000_000_000L);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String SECRET = "a-secret-of-at-least-22-characters";

  @RegisterExtension final ClosedAfterEach closed = new ClosedAfterEach();
  private final String botName = "election-bot-" + BOTS.incrementAndGet();
  private final FakeClock clock = FakeClock.atEpochSecond(1_775_000_000L);
  private final HttpClient http = HttpClient.newHttpClient();
  private Emulator emulator;
  private EmulatedUser user;

  @BeforeEach
  void startEmulator() {
    emulator = closed.add(Emulator.start(0));
    user = emulator.user("alice");
  }

  @Test
  void theLeaseHolderRecoversACrashLeftEntryOnceAndTheOtherTakesOverWhenItCloses() throws Exception {
    crashAfterCommitting("one");
    Instance first = start(RetryPolicy.defaults());
    Instance second = start(RetryPolicy.defaults());

    // The listener hears of a recovered entry after its send: wait for both.
    awaitCondition(() -> botReplies(user).equals(List.of("echo one"))
        && first.recovered.get() + second.recovered.get() == 1, "the holder recovers the entry");
    assertEquals(first.runtime.instanceId(), recoveryLeaseHolder(REDIS, botName), "the first instance started holds the lease");
    assertEquals(1, first.recovered.get());
    assertEquals(0, second.recovered.get(), "the other instance left recovery to the holder");

    crashAfterCommitting("two");
    first.runtime.close();
    awaitCondition(() -> botReplies(user).equals(List.of("echo one", "echo two"))
        && first.recovered.get() + second.recovered.get() == 2, "the other instance recovers");
    assertEquals(second.runtime.instanceId(), recoveryLeaseHolder(REDIS, botName), "the other instance took the lease");
    assertEquals(1, second.recovered.get());
    assertEquals(1, first.recovered.get());
    assertEquals(List.of("echo one", "echo two"), botReplies(user), "each entry sent exactly once");
  }

  @Test
  void anInstanceWithRecoveryOffNeverTakesTheLease() throws Exception {
    crashAfterCommitting("one");
    Instance off = start(RetryPolicy.defaults(), "false");

    assertNull(recoveryLeaseHolder(REDIS, botName), "an instance kept out of recovery does not stand for election");
    Instance elected = start(RetryPolicy.defaults());
    awaitCondition(() -> botReplies(user).equals(List.of("echo one")) && elected.recovered.get() == 1,
        "the elected instance recovers");
    assertEquals(elected.runtime.instanceId(), recoveryLeaseHolder(REDIS, botName));
    assertEquals(0, off.recovered.get());
    assertFalse(off.runtime.instanceId().equals(recoveryLeaseHolder(REDIS, botName)));
  }

  /**
   * An instance handles {@code text} while TamTam refuses the reply, parks the committed entry and
   * goes away without sending it; the entry is then older than the recovery's minimum age.
   */
  private void crashAfterCommitting(String text) throws Exception {
    emulator.faults().unavailable("/messages", 50);
    Instance crashed = start(RetryPolicy.none(), "false");
    assertEquals(200, deliver(crashed, text));
    crashed.runtime.close();
    emulator.faults().clear();
    clock.advance(Duration.ofMinutes(2));
    assertTrue(botReplies(user).stream().noneMatch(r -> r.endsWith(text)), "the crashed instance sent nothing");
  }

  private Instance start(RetryPolicy retries) {
    return start(retries, null);
  }

  private Instance start(RetryPolicy retries, String recovery) {
    Map<String, String> env = new HashMap<>(Map.of("TAMTAM_API_URL", emulator.baseUrl(),
        "TAMTAM_TOKEN", emulator.token(), "TTSCENES_BOT_NAME", botName,
        // Updates are posted straight to each instance, as a load balancer would.
        "WEBHOOK_URL", "https://bot.example.com/hook", "WEBHOOK_PORT", "0", "WEBHOOK_SECRET", SECRET,
        "TTSCENES_SHUTDOWN_TIMEOUT_SECONDS", "5", "TTSCENES_TIMER_PERIOD_MS", "3600000"));
    if (recovery != null) {
      env.put("TTSCENES_OUTBOX_RECOVERY", recovery);
    }
    RuntimeConfig config = RuntimeConfig.from(env).withPollerLease(Duration.ofSeconds(3));
    OkHttpBotApi api = OkHttpBotApi.builder(emulator.token()).baseUrl(emulator.baseUrl())
        .retryPolicy(retries).build();
    AtomicInteger recovered = new AtomicInteger();
    RuntimeListener counting = new RuntimeListener() {
      @Override
      public void outboxRecovered() {
        recovered.incrementAndGet();
      }
    };
    RedisSessionStore store = RedisSessionStore.create(
        RedisConfig.fromUrl(REDIS.url()).newBuilder().botName(botName).build());
    closed.add(store);
    BotRuntime runtime = BotRuntime.builder(echo(botName), config).store(store, false).api(api)
        .clock(clock).listener(counting).build();
    closed.add(runtime);
    runtime.start();
    return new Instance(runtime, recovered);
  }

  private int deliver(Instance instance, String text) throws Exception {
    long ts = TIMESTAMPS.incrementAndGet();
    String sender = "{\"user_id\":" + user.userId() + ",\"first_name\":\"Alice\",\"is_bot\":false,"
        + "\"last_activity_time\":0,\"name\":\"Alice\"}";
    String update = "{\"update_type\":\"message_created\",\"timestamp\":" + ts + ",\"message\":{"
        + "\"sender\":" + sender + ",\"recipient\":{\"chat_id\":" + user.chatId()
        + ",\"chat_type\":\"dialog\",\"user_id\":" + user.userId() + "},\"timestamp\":" + ts
        + ",\"body\":{\"mid\":\"mid.alice." + ts + "\",\"seq\":" + ts + ",\"text\":\"" + text
        + "\"}},\"user_locale\":\"en\"}";
    int port = ((WebhookIngress) instance.runtime.ingress()).port();
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hook/" + SECRET))
        .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }




  private static void awaitCondition(BooleanSupplier condition, String what) {
    WebhookRecoveryFixture.awaitCondition(condition, what, WAIT);
  }

  private record Instance(BotRuntime runtime, AtomicInteger recovered) {}
}
