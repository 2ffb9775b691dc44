package io.ttscenes.runtime.ingress;

import static io.ttscenes.runtime.fake.FakeTamTam.json;
import static io.ttscenes.runtime.fake.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.store.DeadLetter;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.engine.RuntimeListener;
import io.ttscenes.runtime.fake.FakeTamTam;
import io.ttscenes.runtime.fake.RecordingSleeper;
import io.ttscenes.runtime.fake.ScriptedStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class LongPollIngressTest {
  private final CountDownLatch slowEntered = new CountDownLatch(1);
  private final CountDownLatch slowRelease = new CountDownLatch(1);
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final ScriptedStore store = new ScriptedStore();
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private FakeTamTam tamtam;

  @BeforeEach
  void startTamTam() throws Exception {
    tamtam = FakeTamTam.start();
  }

  @AfterEach
  void stopEverything() throws Exception {
    slowRelease.countDown();
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
    tamtam.close();
    store.dispose();
  }

  @Test
  void markerMovesOnOnlyAfterEveryUpdateOfThePageIsAcknowledged() throws Exception {
    tamtam.push(message(1, "a"), message(2, "slow"), message(3, "c"));
    startPolling();

    assertTrue(slowEntered.await(20, TimeUnit.SECONDS), "the slow handler never ran");
    assertFalse(tamtam.awaitPollWith(1003, Duration.ofMillis(300)),
        "the marker of the page was passed while one of its updates was still in its handler");
    slowRelease.countDown();

    assertTrue(tamtam.awaitPollWith(1003, Duration.ofSeconds(20)));
    List<String> events = tamtam.events();
    assertTrue(events.indexOf("message:echo slow") < events.indexOf("poll:1003"), events.toString());
    assertEquals(OptionalLong.of(1003), store.loadMarker());
  }

  @Test
  void anUpdateTheModelCannotBindIsDroppedWithoutItsContentAndTheRestOfThePageIsHandled() throws Exception {
    String unbindable = "{\"update_type\":\"message_created\",\"timestamp\":\"soon\",\"message\":{\"body\":"
        + "{\"mid\":\"m.x\",\"seq\":1,\"text\":\"my phone is 555-0199\"}}}";
    tamtam.push(message(1, "a"), unbindable, message(3, "c"));
    PrintStream previousErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      startPolling();
      assertTrue(tamtam.awaitPollWith(1003, Duration.ofSeconds(20)), "the marker moved past the page");
    } finally {
      System.setErr(previousErr);
    }

    assertEquals(List.of("echo a", "echo c"), tamtam.texts().stream().sorted().toList());
    assertEquals(OptionalLong.of(1003), store.loadMarker());
    String log = err.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("update 2 of 3 (type message_created, page marker 1003) cannot be read and is dropped"), log);
    assertFalse(log.contains("555-0199"), "personal data in the log:\n" + log);
    // The client returns it with the page and the ingress hands it to the dispatcher: kept, once.
    List<DeadLetter> kept = store.deadLetters(10);
    assertEquals(1, kept.size(), "the unreadable update is kept as a dead letter once: " + kept);
    assertEquals(DeadLetter.Kind.UNREADABLE, kept.get(0).kind());
    assertTrue(kept.get(0).error().startsWith("update message_created of a polled page cannot be read: "
        + "InvalidFormatException"), kept.get(0).error());
  }

  @Test
  void markerNeverPassesAnUpdateWhoseCommitFailed() throws Exception {
    store.failCommits(commit -> commit.key().equals("u:2:c:2"), 2);
    tamtam.push(message(1, "a"), message(2, "b"), message(3, "c"));
    startPolling();

    assertTrue(tamtam.awaitPollWith(1003, Duration.ofSeconds(20)));
    List<String> events = store.events();
    assertEquals(2, events.stream().filter(e -> e.equals("commit-failed:u:2:c:2")).count(), events.toString());
    assertTrue(events.lastIndexOf("commit-failed:u:2:c:2") < events.indexOf("commit:u:2:c:2"), events.toString());
    assertTrue(events.indexOf("commit:u:2:c:2") < events.indexOf("saveMarker:1003"), events.toString());
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1)), sleeper.waits());
    assertEquals(List.of("echo a", "echo b", "echo c"), tamtam.texts().stream().sorted().toList());
  }

  @Test
  void updateThatFailsEveryTimeIsDeadLetteredAfterTheLimitAndTheMarkerMovesOn() throws Exception {
    store.failCommits(commit -> commit.key().equals("u:2:c:2"), Integer.MAX_VALUE);
    List<String> deadLettered = new CopyOnWriteArrayList<>();
    RuntimeListener listener = new RuntimeListener() {
      @Override
      public void updateDeadLettered(String updateType) {
        deadLettered.add(updateType);
      }
    };
    Bot bot = Bot.builder("poll-test").root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();
    Dispatcher dispatcher = Dispatcher.builder(bot, store, tamtam.client()).listener(listener).build();
    LongPollIngress ingress = LongPollIngress.builder(tamtam.client(), dispatcher, store)
        .timeoutSeconds(1).limit(10).sleeper(sleeper).deadLetterAfter(3).build();
    cleanup.add(dispatcher);
    cleanup.add(() -> ingress.stop(Duration.ofSeconds(20)));
    tamtam.push(message(1, "a"), message(2, "b"), message(3, "c"));
    ingress.start();

    assertTrue(tamtam.awaitPollWith(1003, Duration.ofSeconds(20)));
    assertEquals(3, store.events().stream().filter(e -> e.equals("commit-failed:u:2:c:2")).count());
    assertEquals(List.of("message_created"), deadLettered);
    List<DeadLetter> kept = store.deadLetters(10);
    assertEquals(1, kept.size(), "the dead letter is kept in the store");
    assertEquals(DeadLetter.Kind.UPDATE, kept.get(0).kind());
    assertTrue(kept.get(0).error().startsWith("failed 3 times in a row"), kept.get(0).error());
    assertTrue(kept.get(0).payload().contains("\"text\":\"b\""), kept.get(0).payload());
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1)), sleeper.waits());
    assertEquals(List.of("echo a", "echo c"), tamtam.texts().stream().sorted().toList());
    assertEquals(OptionalLong.of(1003), store.loadMarker());
  }

  @Test
  void deadLetterLimitBelowOneIsRejected() {
    Dispatcher dispatcher = Dispatcher.builder(Bot.builder("b").build(), store, tamtam.client()).build();
    cleanup.add(dispatcher);
    LongPollIngress.Builder builder = LongPollIngress.builder(tamtam.client(), dispatcher, store);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.deadLetterAfter(0));
    assertEquals("deadLetterAfter is 0; it must be >= 1", e.getMessage());
  }

  @Test
  void restartResumesFromTheStoredMarker() throws Exception {
    tamtam.push(message(1, "a"), message(1, "b"));
    LongPollIngress first = startPolling();
    assertTrue(tamtam.awaitPollWith(1002, Duration.ofSeconds(20)));
    assertTrue(first.stop(Duration.ofSeconds(20)));
    assertEquals(OptionalLong.of(1002), store.loadMarker());

    int pollsBefore = tamtam.polledMarkers().size();
    tamtam.push(message(1, "c"));
    startPolling();

    assertEquals(List.of("echo a", "echo b", "echo c"), tamtam.awaitTexts(3));
    assertEquals("1002", tamtam.polledMarkers().get(pollsBefore), "the restarted poller's first marker");
  }

  @Test
  void failedPollsBackOffAndPollingGoesOn() throws Exception {
    tamtam.scriptPolls(json(429, "{\"code\":\"too.many.requests\",\"message\":\"slow down\"}"),
        json(503, "{\"code\":\"service.unavailable\",\"message\":\"later\"}"));
    tamtam.push(message(1, "a"));
    startPolling();

    assertEquals(List.of("echo a"), tamtam.awaitTexts(1));
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1)), sleeper.waits());
  }

  @Test
  void malformedPageIsRetriedWithoutStopping() throws Exception {
    tamtam.scriptPolls(json(200, "{\"updates\": [ {not json"));
    tamtam.push(message(1, "a"));
    startPolling();

    assertEquals(List.of("echo a"), tamtam.awaitTexts(1));
    assertEquals(List.of(Duration.ofMillis(500)), sleeper.waits());
  }

  @Test
  void rejectedTokenIsRetriedSlowlyInsteadOfStoppingSilently() throws Exception {
    tamtam.scriptPolls(json(401, "{\"code\":\"verify.token\",\"message\":\"Invalid access_token\"}"));
    tamtam.push(message(1, "a"));
    startPolling();

    assertEquals(List.of("echo a"), tamtam.awaitTexts(1));
    assertEquals(List.of(Duration.ofMinutes(5)), sleeper.waits());
  }

  @Test
  void storeOutageWhileLoadingTheMarkerIsRetried() throws Exception {
    store.saveMarker(1001);
    store.failMarkerLoads(2);
    tamtam.push(message(1, "old"), message(1, "new"));
    startPolling();

    assertEquals(List.of("echo new"), tamtam.awaitTexts(1));
    assertEquals("1001", tamtam.polledMarkers().get(0));
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1)), sleeper.waits());
  }

  @Test
  void stopWhileAPollIsConnectingEndsThePollThreadQuietly() throws Exception {
    CountDownLatch connecting = new CountDownLatch(1);
    CountDownLatch releaseConnect = new CountDownLatch(1);
    AtomicReference<Thread> pollThread = new AtomicReference<>();
    OkHttpClient slowConnect = new OkHttpClient.Builder().eventListener(new EventListener() {
      @Override
      public void callStart(Call call) {
        pollThread.compareAndSet(null, Thread.currentThread());
      }

      @Override
      public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
        // OkHttp connects on its own thread while the poll thread waits for it: stop lands there.
        connecting.countDown();
        await(releaseConnect);
      }
    }).build();
    OkHttpBotApi api = OkHttpBotApi.builder("test-token").baseUrl(tamtam.url()).httpClient(slowConnect)
        .build();
    Dispatcher dispatcher = Dispatcher.builder(Bot.builder("stop-test").build(), store, api).build();
    cleanup.add(dispatcher);
    LongPollIngress ingress = LongPollIngress.builder(api, dispatcher, store).sleeper(sleeper).build();
    List<Throwable> escaped = new CopyOnWriteArrayList<>();
    Thread.UncaughtExceptionHandler previousHandler = Thread.getDefaultUncaughtExceptionHandler();
    PrintStream previousErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> escaped.add(e));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      ingress.start();
      assertTrue(connecting.await(20, TimeUnit.SECONDS), "the first poll never started connecting");
      assertTrue(ingress.stop(Duration.ofSeconds(20)));
      pollThread.get().join(TimeUnit.SECONDS.toMillis(20));
    } finally {
      releaseConnect.countDown();
      System.setErr(previousErr);
      Thread.setDefaultUncaughtExceptionHandler(previousHandler);
    }
    assertFalse(pollThread.get().isAlive(), "the poll thread ended");
    assertEquals(List.of(), escaped, "nothing escaped the poll thread");
    String log = err.toString(StandardCharsets.UTF_8);
    assertFalse(log.contains("ERROR") || log.contains("Exception"), log);
    assertEquals(List.of(), sleeper.waits(), "stopping is not a failure to back off from");
  }

  private LongPollIngress startPolling() {
    Bot bot = Bot.builder("poll-test")
        .root(r -> r.onText(ctx -> {
          if (ctx.text().equals("slow")) {
            slowEntered.countDown();
            await(slowRelease);
          }
          ctx.reply("echo " + ctx.text());
        }))
        .build();
    Dispatcher dispatcher = Dispatcher.builder(bot, store, tamtam.client()).parallelism(4).build();
    LongPollIngress ingress = LongPollIngress.builder(tamtam.client(), dispatcher, store)
        .timeoutSeconds(1).limit(10).sleeper(sleeper).build();
    cleanup.add(dispatcher);
    cleanup.add(() -> ingress.stop(Duration.ofSeconds(20)));
    ingress.start();
    return ingress;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
