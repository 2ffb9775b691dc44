package io.ttscenes.runtime;

import static io.ttscenes.runtime.fake.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.store.DeadLetter;
import io.ttscenes.runtime.fake.FakeTamTam;
import io.ttscenes.runtime.fake.ScriptedStore;
import io.ttscenes.runtime.ingress.WebhookIngress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class BotRuntimeTest {
  private final CountDownLatch slowEntered = new CountDownLatch(1);
  private final CountDownLatch slowRelease = new CountDownLatch(1);
  private final ScriptedStore store = new ScriptedStore();
  private FakeTamTam tamtam;

  @BeforeEach
  void startTamTam() throws Exception {
    tamtam = FakeTamTam.start();
  }

  @AfterEach
  void stopTamTam() {
    slowRelease.countDown();
    tamtam.close();
    store.dispose();
  }

  @Test
  void aRecoveryPeriodOutsideOneSecondToOneHourIsRefusedSayingWhatItMustBe() {
    RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_API_URL", tamtam.url()));
    BotRuntime.Builder builder = BotRuntime.builder(
        Bot.builder("recovering").root(r -> r.onText(ctx -> ctx.reply("ok"))).build(), config);

    for (Duration bad : List.of(Duration.ofMillis(999), Duration.ZERO, Duration.ofSeconds(-5),
        Duration.ofHours(1).plusMillis(1))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> builder.recoveryPeriod(bad), bad.toString());
      assertEquals("the recovery period is " + bad + "; it must be from PT1S to PT1H", e.getMessage());
    }
    assertThrows(NullPointerException.class, () -> builder.recoveryPeriod(null));
    builder.recoveryPeriod(Duration.ofSeconds(1)).recoveryPeriod(Duration.ofHours(1));
  }

  @Test
  void startRecoversOutboxesBeforeTimersAndPollingAndCloseStoresTheMarkerBeforeClosingTheStore()
      throws Exception {
    BotRuntime runtime = runtime(true);
    runtime.start();
    assertEquals("pendingOutboxes", store.events().get(0), "outbox recovery runs first");

    tamtam.push(message(1, "a"));
    assertEquals(List.of("echo a"), tamtam.awaitTexts(1));
    assertTrue(tamtam.awaitPollWith(1001, java.time.Duration.ofSeconds(20)));
    runtime.close();

    List<String> events = store.events();
    assertTrue(events.indexOf("claimDueTimers") > 0, events.toString());
    assertTrue(events.indexOf("loadMarker") > 0, events.toString());
    assertTrue(events.indexOf("saveMarker:1001") < events.indexOf("close"), events.toString());
    assertEquals("close", events.get(events.size() - 1), "the owned store is closed last");
    assertThrows(IllegalStateException.class, runtime::start, "a closed runtime does not start again");
  }

  @Test
  void shutdownFinishesUpdatesInFlightSendsTheirRepliesAndStoresTheMarker() throws Exception {
    BotRuntime runtime = runtime(false);
    runtime.start();
    tamtam.push(message(1, "slow"), message(2, "b"), message(1, "after slow"));
    assertTrue(slowEntered.await(20, TimeUnit.SECONDS));

    Thread closer = new Thread(runtime::close, "closer");
    CompletableFuture<List<String>> sentWhenClosed = CompletableFuture.supplyAsync(() -> {
      closer.start();
      join(closer);
      return tamtam.texts();
    });
    awaitBlocked(closer);
    slowRelease.countDown();

    List<String> sent = sentWhenClosed.get(20, TimeUnit.SECONDS);
    assertEquals(List.of("echo after slow", "echo b", "echo slow"), sent.stream().sorted().toList());
    assertEquals(OptionalLong.of(1003), store.loadMarker());

    // A restart on the same store resumes after the drained page: nothing is handled twice.
    BotRuntime again = runtime(false);
    again.start();
    tamtam.push(message(3, "next"));
    assertEquals("echo next", tamtam.awaitTexts(4).get(3));
    again.close();
    assertEquals(4, tamtam.texts().size(), tamtam.texts().toString());
  }

  @Test
  void webhookUrlMakesTheRuntimeSubscribeAndServeUpdatesOnItsPort() throws Exception {
    RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_API_URL", tamtam.url(),
        "WEBHOOK_URL", "https://bot.example.com/hook", "WEBHOOK_PORT", "0", "WEBHOOK_SECRET", "k3y-of-at-least-22-characters"));
    Bot bot = Bot.builder("hooked").root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();
    BotRuntime runtime = BotRuntime.builder(bot, config).store(store, false).build();
    runtime.start();
    int port = ((WebhookIngress) runtime.ingress()).port();

    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hook/k3y-of-at-least-22-characters"))
            .POST(HttpRequest.BodyPublishers.ofString(message(9, "hello"))).build(),
        HttpResponse.BodyHandlers.ofString());
    runtime.close();

    assertEquals(200, answer.statusCode());
    assertEquals(List.of("echo hello"), tamtam.texts());
    assertTrue(tamtam.events().get(0).startsWith("subscribe:")
        && tamtam.events().get(0).contains("https://bot.example.com/hook/k3y-of-at-least-22-characters"), tamtam.events().toString());
    assertTrue(tamtam.events().stream().noneMatch(e -> e.startsWith("unsubscribe:")), "kept by default");
  }

  @Test
  void aBotWithoutAUsernameLearnsItFromGetMeAndLeavesOtherBotsCommandsAlone() throws Exception {
    tamtam.botUsername("echobot");
    Bot bot = Bot.builder("commands")
        .root(r -> r.onCommand("help", ctx -> ctx.reply("help for " + ctx.text()))).build();
    RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_API_URL", tamtam.url(),
        "TTSCENES_POLL_TIMEOUT_SECONDS", "1"));
    try (BotRuntime runtime = BotRuntime.builder(bot, config).store(store, false).build()) {
      runtime.start();
      tamtam.push(message(1, "/help@otherbot"), message(1, "/help@echobot"));

      assertEquals(List.of("help for /help@echobot"), tamtam.awaitTexts(1));
      // Both were handled (the marker moved past both), only one was answered.
      assertTrue(tamtam.awaitPollWith(1002, java.time.Duration.ofSeconds(20)));
      assertEquals(List.of("help for /help@echobot"), tamtam.texts());
    }
  }

  @Test
  void anUnreadablePolledUpdateIsCountedAsDeadLetteredInTheRuntimesMeters() throws Exception {
    Bot bot = Bot.builder("unreadable").root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();
    RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_API_URL", tamtam.url(),
        "TTSCENES_POLL_TIMEOUT_SECONDS", "1"));
    try (BotRuntime runtime = BotRuntime.builder(bot, config).store(store, false).build()) {
      runtime.start();
      tamtam.push("{\"update_type\":\"message_created\",\"timestamp\":1,\"message\":42}", message(1, "after"));

      assertEquals(List.of("echo after"), tamtam.awaitTexts(1));
      assertEquals(1.0, runtime.meterRegistry().get("ttscenes.updates.dead_lettered")
          .tags("type", "message_created").counter().count());
      List<DeadLetter> kept = store.deadLetters(10);
      assertEquals(1, kept.size(), "the unreadable update is kept as a dead letter");
      assertEquals(DeadLetter.Kind.UNREADABLE, kept.get(0).kind());
      assertTrue(kept.get(0).payload().contains("\"message\":42"), kept.get(0).payload());
      assertTrue(kept.get(0).error().startsWith("update message_created of a polled page cannot be read"),
          kept.get(0).error());
    }
  }

  @Test
  void redisUrlWithoutAStoreModuleIsRefusedWithAClearMessage() {
    RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_TOKEN", "t", "REDIS_URL", "redis://127.0.0.1:1"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> BotRuntime.create(Bot.builder("b").build(), config));
    assertTrue(e.getMessage().startsWith("REDIS_URL is set, but no store for redis:// is on the classpath"), e.getMessage());
  }

  private BotRuntime runtime(boolean ownsStore) {
    Bot bot = Bot.builder("runtime-test")
        .root(r -> r.onText(ctx -> {
          if (ctx.text().equals("slow")) {
            slowEntered.countDown();
            awaitQuietly(slowRelease);
          }
          ctx.reply("echo " + ctx.text());
        }))
        .build();
    RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_API_URL", tamtam.url(),
        "TTSCENES_POLL_TIMEOUT_SECONDS", "1", "TTSCENES_PARALLELISM", "4"));
    return BotRuntime.builder(bot, config).store(store, ownsStore).build();
  }

  /** Waits until {@code thread} is parked (inside close, waiting for the page in flight). */
  private static void awaitBlocked(Thread thread) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
      if (System.nanoTime() > end) {
        throw new AssertionError("close never waited; state " + thread.getState());
      }
      Thread.onSpinWait();
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
