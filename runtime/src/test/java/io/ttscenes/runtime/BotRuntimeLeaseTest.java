package io.ttscenes.runtime;

import static io.ttscenes.runtime.fake.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.fake.FakeTamTam;
import io.ttscenes.runtime.fake.ScriptedStore;
import io.ttscenes.runtime.ingress.LongPollIngress;
import io.ttscenes.runtime.ingress.WebhookIngress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which instance polls and which recovers outboxes: the poller lease and TTSCENES_OUTBOX_RECOVERY. */
final class BotRuntimeLeaseTest {
  private final ScriptedStore store = new ScriptedStore();
  private final Bot bot =
      Bot.builder("lease-test").root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();
  private FakeTamTam tamtam;

  @BeforeEach
  void startTamTam() throws Exception {
    tamtam = FakeTamTam.start();
  }

  @AfterEach
  void stopTamTam() {
    tamtam.close();
    store.dispose();
  }

  @Test
  void instanceStandsByWhileAnotherHoldsTheLeaseAndTakesOverWhenItIsReleased() throws Exception {
    store.tryAcquireLease("poller", "other-instance", Duration.ofHours(1));
    RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_API_URL", tamtam.url(),
        "TTSCENES_POLL_TIMEOUT_SECONDS", "1", "TTSCENES_POLLER_LEASE_SECONDS", "3"));
    BotRuntime runtime = BotRuntime.builder(bot, config).store(store, false).build();
    runtime.start();
    LongPollIngress ingress = (LongPollIngress) runtime.ingress();

    assertFalse(ingress.holdsLease());
    assertFalse(store.events().contains("pendingOutboxes"), "a standby instance leaves recovery to the holder");
    assertFalse(store.events().contains("loadMarker"), "a standby instance does not poll");

    store.releaseLease("poller", "other-instance");
    tamtam.push(message(1, "a"));
    assertEquals(List.of("echo a"), tamtam.awaitTexts(1));
    assertTrue(ingress.holdsLease());
    assertTrue(store.events().contains("pendingOutboxes"), "taking the lease recovers outboxes: " + store.events());

    runtime.close();
    assertTrue(store.tryAcquireLease("poller", "other-instance", Duration.ofHours(1)), "close released it");
  }

  @Test
  void webhookInstanceWithOutboxRecoveryOffLeavesTheStoreOutboxesToAnother() throws Exception {
    assertEquals(List.of(), webhookStartEvents("false"));
  }

  @Test
  void webhookInstanceRecoversOutboxesByDefault() throws Exception {
    assertEquals(List.of("pendingOutboxes"), webhookStartEvents(null));
  }

  @Test
  void webhookInstanceLeavesRecoveryToTheElectedHolderAndTakesOverWhenItIsReleased() throws Exception {
    store.tryAcquireLease("recovery", "other-instance", Duration.ofHours(1));
    BotRuntime runtime = BotRuntime.builder(bot, RuntimeConfig.from(Map.of("TAMTAM_API_URL", tamtam.url(),
        "WEBHOOK_URL", "https://bot.example.com/hook", "WEBHOOK_PORT", "0",
        "WEBHOOK_SECRET", "a-secret-of-at-least-22-characters", "TTSCENES_POLLER_LEASE_SECONDS", "3",
        "TTSCENES_TIMER_PERIOD_MS", "3600000"))).store(store, false).build();
    runtime.start();
    assertFalse(store.events().contains("pendingOutboxes"), "another instance holds the recovery lease");

    store.releaseLease("recovery", "other-instance");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!store.events().contains("pendingOutboxes") && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(store.events().contains("pendingOutboxes"), "taking the released lease recovers at once");
    runtime.close();
    assertTrue(store.tryAcquireLease("recovery", "other-instance", Duration.ofHours(1)), "close released it");
  }

  /** Starts a webhook runtime, serves one update and closes it; returns its recovery events. */
  private List<String> webhookStartEvents(String recovery) throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("TAMTAM_API_URL", tamtam.url(),
        "WEBHOOK_URL", "https://bot.example.com/hook", "WEBHOOK_PORT", "0",
        "WEBHOOK_SECRET", "a-secret-of-at-least-22-characters",
        // Timers and the periodic passes stay out of the event log.
        "TTSCENES_TIMER_PERIOD_MS", "3600000"));
    if (recovery != null) {
      env.put("TTSCENES_OUTBOX_RECOVERY", recovery);
    }
    BotRuntime runtime = BotRuntime.builder(bot, RuntimeConfig.from(env)).store(store, false).build();
    runtime.start();
    int port = ((WebhookIngress) runtime.ingress()).port();
    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hook/a-secret-of-at-least-22-characters"))
            .POST(HttpRequest.BodyPublishers.ofString(message(9, "hello"))).build(),
        HttpResponse.BodyHandlers.ofString());
    runtime.close();
    assertEquals(200, answer.statusCode());
    assertEquals(List.of("echo hello"), tamtam.texts());
    return store.events().stream().filter(e -> e.equals("pendingOutboxes")).toList();
  }
}
