package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.api.keyboard.Keyboard;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.ttscenes.runtime.engine.RuntimeListener;
import io.ttscenes.testkit.BotMessage;
import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole bot through a Redis outage: the real runtime long polls the emulator with the Redis
 * store while twenty users take a survey; Redis is killed mid-run and brought back, and every user
 * still gets each reply exactly once.
 */
final class RedisOutageEndToEndTest {
  // Its own binary with appendfsync always: the test kills and restarts the server.
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.ownBinary();

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int USERS = 20;
  private static final int EARLY = USERS / 2;

  record Survey(String campaign, String tea) {}

  record Profile(String campaign, String tea, String colour, int finished) {}

  private final RetryCounter retries = new RetryCounter();
  private final ExecutorService users = Executors.newFixedThreadPool(USERS);
  private Emulator emulator;
  private OkHttpBotApi api;
  private RedisSessionStore store;
  private BotRuntime runtime;

  @BeforeEach
  void startBot() {
    emulator = Emulator.start(0);
    api = OkHttpBotApi.builder(emulator.token()).baseUrl(emulator.baseUrl())
        .requestsPerSecond(100_000).build();
    store = RedisSessionStore.create(RedisConfig.fromUrl(REDIS.url()).newBuilder()
        .connectTimeout(Duration.ofMillis(500)).socketTimeout(Duration.ofMillis(500)).build());
    RuntimeConfig config = RuntimeConfig.from(Map.of(
        "TAMTAM_API_URL", emulator.baseUrl(),
        "TAMTAM_TOKEN", emulator.token(),
        "TTSCENES_BOT_NAME", "outage-survey",
        "TTSCENES_PARALLELISM", "8",
        "TTSCENES_POLL_TIMEOUT_SECONDS", "5",
        // Scene timers are not part of this bot; keep their poller out of the outage.
        "TTSCENES_TIMER_PERIOD_MS", "3600000"));
    runtime = BotRuntime.builder(survey(), config).store(store, false).api(api).listener(retries)
        .build();
    runtime.start();
  }

  @AfterEach
  void stopBot() {
    users.shutdownNow();
    runtime.close();
    store.close();
    emulator.close();
  }

  @Test
  void redisStoppedMidSurveyLosesNoUpdateAndRepliesExactlyOnce() throws Exception {
    CountDownLatch someRepliesSent = new CountDownLatch(EARLY * 2);
    CountDownLatch lateUsersStarted = new CountDownLatch(USERS - EARLY);
    List<EmulatedUser> all = new ArrayList<>();
    List<CompletableFuture<Void>> flows = new ArrayList<>();
    for (int i = 0; i < EARLY; i++) {
      EmulatedUser user = emulator.user("early-" + i);
      user.onEvent(event -> someRepliesSent.countDown());
      all.add(user);
      flows.add(CompletableFuture.runAsync(() -> takeSurvey(user, () -> {}), users));
    }
    assertTrue(someRepliesSent.await(WAIT.toSeconds(), TimeUnit.SECONDS), "early users got replies");

    REDIS.stop();
    long stopped = System.nanoTime();
    int retriesAtStop = retries.total();
    // These users open the bot while Redis is down: their updates can only wait.
    for (int i = 0; i < USERS - EARLY; i++) {
      EmulatedUser user = emulator.user("late-" + i);
      all.add(user);
      flows.add(CompletableFuture.runAsync(() -> takeSurvey(user, lateUsersStarted::countDown), users));
    }
    assertTrue(lateUsersStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS));
    assertTrue(retries.awaitAttempt(3, WAIT), "the engine retried one session three times");
    int held = emulator.unacknowledgedUpdates();
    assertTrue(held >= USERS - EARLY, "every update sent while Redis is down stays unacknowledged: "
        + held);
    int retriesSeen = retries.total();
    assertTrue(retries.awaitTotal(retriesSeen + 2, WAIT), "the engine keeps retrying");
    assertTrue(emulator.unacknowledgedUpdates() >= held, "nothing is acknowledged while Redis is down");
    for (EmulatedUser late : all.subList(EARLY, USERS)) {
      assertEquals(List.of(), botMessages(late), late.name() + " got no reply while Redis was down");
    }

    REDIS.restart();
    long downMillis = (System.nanoTime() - stopped) / 1_000_000;
    CompletableFuture.allOf(flows.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertTrue(emulator.awaitAcknowledged(WAIT), "every update is acknowledged after the outage");

    for (int i = 0; i < USERS; i++) {
      EmulatedUser user = all.get(i);
      assertEquals(expectedReplies(user), botMessages(user), user.name() + " got each reply once");
      assertEquals(List.of(), user.untakenEvents(), user.name() + " got nothing more");
    }
    System.out.printf("redis outage end to end: %d users, Redis down %d ms, %d update(s) held "
        + "unacknowledged, %d store retries logged while down%n", USERS, downMillis, held,
        retries.total() - retriesAtStop);
  }

  /** One user's whole survey; each step waits for the bot's answer to the previous one. */
  private static void takeSurvey(EmulatedUser user, Runnable started) {
    user.startWithPayload("campaign-" + user.name());
    started.run();
    expectMessage(user, "Do you like tea?");
    user.pressCallback(tea(user).equals("yes") ? "tea:yes" : "tea:no");
    assertEquals("Noted", user.awaitNotification(WAIT));
    expectMessage(user, "Your favourite colour?");
    user.sendText(colour(user));
    expectMessage(user, "Thanks!");
    user.sendCommand("/status");
    expectMessage(user, status(user));
  }

  private static void expectMessage(EmulatedUser user, String text) {
    assertEquals(text, user.awaitMessage(WAIT).text(), user.name());
  }

  private static List<String> expectedReplies(EmulatedUser user) {
    return List.of("Do you like tea?", "Your favourite colour?", "Thanks!", status(user));
  }

  private static List<String> botMessages(EmulatedUser user) {
    return user.messages().stream()
        .filter(m -> m.json().path("sender").path("user_id").asLong() != user.userId())
        .map(BotMessage::text).toList();
  }

  private static String tea(EmulatedUser user) {
    return user.name().hashCode() % 2 == 0 ? "yes" : "no";
  }

  private static String colour(EmulatedUser user) {
    return "colour of " + user.name();
  }

  private static String status(EmulatedUser user) {
    return "campaign-" + user.name() + ": tea " + tea(user) + ", " + colour(user) + ", surveys 1";
  }

  private static Bot survey() {
    Scene<Survey> survey = Scene.builder("survey", Survey.class)
        .onEnter(ctx -> ctx.reply("Do you like tea?", Keyboard.inline()
            .withRow(Keyboard.callback("Yes", "tea:yes"), Keyboard.callback("No", "tea:no"))))
        .onCallbackPrefix("tea:", (ctx, answer) -> ctx.answer("Noted")
            .setData(new Survey(ctx.data().campaign(), answer))
            .reply("Your favourite colour?"))
        .onText(ctx -> {
          Profile before = ctx.session(Profile.class);
          ctx.setSession(new Profile(ctx.data().campaign(), ctx.data().tea(), ctx.text(),
              before.finished() + 1));
          ctx.reply("Thanks!").leave();
        })
        .build();
    return Bot.builder("outage-survey")
        .scene(survey)
        .sessionData(Profile.class, () -> new Profile(null, null, null, 0))
        .root(root -> root
            .onBotStarted(ctx -> ctx.enter("survey", new Survey(ctx.startPayload(), null)))
            .onCommand("status", ctx -> {
              Profile p = ctx.session(Profile.class);
              ctx.reply(p.campaign() + ": tea " + p.tea() + ", " + p.colour() + ", surveys " + p.finished());
            }))
        .build();
  }

  /** Counts the engine's store retries and lets the test wait for them without sleeping. */
  private static final class RetryCounter implements RuntimeListener {
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger highestAttempt = new AtomicInteger();

    @Override
    public void storeRetry(String operation, int attempt, Duration delay) {
      highestAttempt.accumulateAndGet(attempt, Math::max);
      total.incrementAndGet();
      synchronized (this) {
        notifyAll();
      }
    }

    int total() {
      return total.get();
    }

    boolean awaitAttempt(int attempt, Duration timeout) throws InterruptedException {
      return await(() -> highestAttempt.get() >= attempt, timeout);
    }

    boolean awaitTotal(int count, Duration timeout) throws InterruptedException {
      return await(() -> total.get() >= count, timeout);
    }

    private synchronized boolean await(BooleanSupplier done, Duration timeout)
        throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!done.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return true;
    }
  }
}
