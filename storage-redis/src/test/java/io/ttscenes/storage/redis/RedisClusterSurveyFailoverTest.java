package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.api.keyboard.Keyboard;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import io.ttscenes.testkit.ChatEvent;
import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The survey on two bot instances sharing a real Redis Cluster (configured by
 * {@code REDIS_CLUSTER_NODES} alone), long polling the emulator: mid-run the master holding the
 * poller lease is killed (its replica takes over), then the polling instance is closed. Every
 * user still finishes the survey with the right answers; the test counts the replies shown twice.
 */
final class RedisClusterSurveyFailoverTest {
  @RegisterExtension static final RedisClusterExtension CLUSTER = RedisClusterExtension.own();
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int USERS = 30;
  private static final int EARLY = USERS / 2;
  private static final String BOT = "failover-survey";

  record Survey(String campaign, String tea) {}

  record Profile(String campaign, String tea, String colour) {}

  private final AtomicInteger duplicates = new AtomicInteger();
  private final List<String> shownTwice = java.util.Collections.synchronizedList(new ArrayList<>());

  @Test
  void surveyOnTwoInstancesSurvivesAMasterAndAnInstanceGoingAway() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(USERS);
    try (Emulator emulator = Emulator.start(0)) {
      RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_API_URL", emulator.baseUrl(),
          "TAMTAM_TOKEN", emulator.token(), "REDIS_CLUSTER_NODES", CLUSTER.nodesVariable(),
          // The default poller lease (15 s) outlasts the failover: with 3 s, an instance cut off
          // that long retires its id and leaves its unsent replies to recovery (a minute later).
          "TTSCENES_BOT_NAME", BOT, "TTSCENES_POLL_TIMEOUT_SECONDS", "1"));
      // The first to start takes the poller lease; the second stands by.
      try (BotRuntime first = BotRuntime.create(survey(), config);
          BotRuntime second = BotRuntime.create(survey(), config)) {
        first.start();
        second.start();
        List<EmulatedUser> users = new ArrayList<>();
        List<CompletableFuture<Void>> flows = new ArrayList<>();
        CountDownLatch earlyReplies = new CountDownLatch(EARLY * 2);
        for (int i = 0; i < EARLY; i++) {
          EmulatedUser user = emulator.user("early-" + i);
          user.onEvent(event -> earlyReplies.countDown());
          users.add(user);
          flows.add(CompletableFuture.runAsync(() -> takeSurvey(user), pool));
        }
        assertTrue(earlyReplies.await(WAIT.toSeconds(), TimeUnit.SECONDS), "early users got replies");

        ClusterNode victim = CLUSTER.local().masterOf(JedisClusterCRC16.getSlot("tts:" + BOT + ":lease:poller"));
        long killedAt = System.nanoTime();
        victim.kill();
        CountDownLatch lateReply = new CountDownLatch(1);
        for (int i = 0; i < USERS - EARLY; i++) {
          EmulatedUser user = emulator.user("late-" + i);
          user.onEvent(event -> lateReply.countDown());
          users.add(user);
          flows.add(CompletableFuture.runAsync(() -> takeSurvey(user), pool));
        }
        assertTrue(lateReply.await(WAIT.toSeconds(), TimeUnit.SECONDS), "a user who came after the kill got a reply");
        long answeredAfter = (System.nanoTime() - killedAt) / 1_000_000;
        first.close();

        CompletableFuture.allOf(flows.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(emulator.awaitAcknowledged(WAIT), "every update is acknowledged");
        for (EmulatedUser user : users) {
          user.untakenEvents().forEach(event -> {
            duplicates.incrementAndGet();
            shownTwice.add(user.name() + ": " + event);
          });
        }
        System.out.printf("cluster survey failover: %d users on 2 instances, master of the poller lease "
            + "killed, first reply to a new user %d ms later, polling instance closed; lost 0, "
            + "replies shown twice %d %s%n", USERS, answeredAfter, duplicates.get(), shownTwice);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** One user's survey; a reply shown again (a resend) is counted and skipped, anything else fails. */
  private void takeSurvey(EmulatedUser user) {
    Set<String> seen = new HashSet<>();
    user.startWithPayload("campaign-" + user.name());
    expect(user, seen, "Do you like tea?");
    user.pressCallback("tea:" + tea(user));
    expect(user, seen, "Noted");
    expect(user, seen, "Your favourite colour?");
    user.sendText("colour of " + user.name());
    expect(user, seen, "Thanks!");
    user.sendCommand("/status");
    expect(user, seen, "campaign-" + user.name() + ": tea " + tea(user) + ", colour of " + user.name());
  }

  private void expect(EmulatedUser user, Set<String> seen, String expected) {
    while (true) {
      ChatEvent event = user.nextEvent(WAIT).orElseThrow(() -> new AssertionError(
          user.name() + " waited " + WAIT + " for '" + expected + "'"));
      String text = event instanceof ChatEvent.MessageSent sent ? sent.message().text()
          : event instanceof ChatEvent.Notification note ? note.text() : event.toString();
      if (text.equals(expected)) {
        seen.add(text);
        return;
      }
      assertTrue(seen.contains(text), user.name() + " expected '" + expected + "' but got " + event);
      duplicates.incrementAndGet();
      shownTwice.add(user.name() + ": " + text);
    }
  }

  private static String tea(EmulatedUser user) {
    return user.name().hashCode() % 2 == 0 ? "yes" : "no";
  }

  private static Bot survey() {
    Scene<Survey> survey = Scene.builder("survey", Survey.class)
        .onEnter(ctx -> ctx.reply("Do you like tea?", Keyboard.inline()
            .row(Keyboard.callback("Yes", "tea:yes"), Keyboard.callback("No", "tea:no"))))
        .onCallbackPrefix("tea:", ctx -> ctx.answer("Noted")
            .setData(new Survey(ctx.data().campaign(), ctx.payload().substring(4)))
            .reply("Your favourite colour?"))
        .onText(ctx -> {
          ctx.setSession(new Profile(ctx.data().campaign(), ctx.data().tea(), ctx.text()));
          ctx.reply("Thanks!").leave();
        })
        .build();
    return Bot.builder(BOT)
        .scene(survey)
        .sessionData(Profile.class, () -> new Profile(null, null, null))
        .root(root -> root
            .onBotStarted(ctx -> ctx.enter("survey", new Survey(ctx.startPayload(), null)))
            .onCommand("status", ctx -> {
              Profile p = ctx.session(Profile.class);
              ctx.reply(p.campaign() + ": tea " + p.tea() + ", " + p.colour());
            }))
        .build();
  }
}
