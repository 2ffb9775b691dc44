package io.ttscenes.runtime.ingress;

import static io.ttscenes.runtime.fake.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.fake.FakeTamTam;
import io.ttscenes.runtime.fake.ScriptedStore;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Long polling lets the users after a slow update be answered across pages, while the marker
 * TamTam is given never passes the slow update until it is done.
 */
final class PipelinedPollingTest {
  private final ScriptedStore store = new ScriptedStore();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch slowStarted = new CountDownLatch(1);
  private FakeTamTam tamtam;
  private Dispatcher dispatcher;
  private LongPollIngress ingress;

  @BeforeEach
  void start() throws Exception {
    tamtam = FakeTamTam.start();
    Bot bot = Bot.builder("pipelined").root(r -> r.onText(ctx -> {
      if (ctx.text().equals("slow")) {
        slowStarted.countDown();
        awaitRelease();
        ctx.reply("slow done");
      } else {
        ctx.reply("echo " + ctx.text());
      }
    })).build();
    // The deadline is far away: this is a slow handler, not a stuck one.
    dispatcher = Dispatcher.builder(bot, store, tamtam.client()).handlerDeadline(Duration.ofMinutes(5)).build();
    ingress = LongPollIngress.builder(tamtam.client(), dispatcher, store).timeoutSeconds(1).limit(10).build();
    ingress.start();
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    ingress.stop(Duration.ofSeconds(5));
    dispatcher.close();
    tamtam.close();
    store.dispose();
  }

  @Test
  void oneSlowUpdateDoesNotHoldBackLaterUsersAndTheMarkerWaitsForIt() throws Exception {
    tamtam.push(message(1, "slow"), message(2, "a"));
    assertTrue(slowStarted.await(20, TimeUnit.SECONDS));
    assertEquals(List.of("echo a"), tamtam.awaitTexts(1));

    // Arrives after the page that holds the slow update was polled: a later page.
    tamtam.push(message(3, "b"));
    assertEquals(List.of("echo a", "echo b"), tamtam.awaitTexts(2));
    // Two sessions of one page run in parallel: their replies may come in either order.
    tamtam.push(message(4, "c"), message(2, "d"));
    assertEquals(List.of("echo a", "echo b", "echo c", "echo d"), sorted(tamtam.awaitTexts(4)));

    assertEquals(FakeTamTam.BASE, tamtam.committedMarker(), "TamTam was told the slow update was read");
    OptionalLong stored = store.loadMarker();
    assertTrue(stored.isEmpty() || stored.getAsLong() <= FakeTamTam.BASE, "stored marker passed the slow update: "
        + stored);

    release.countDown();
    assertEquals("slow done", tamtam.awaitTexts(5).get(4));
    assertTrue(tamtam.awaitPollWith(FakeTamTam.BASE + 5, Duration.ofSeconds(20)), "the marker never moved on");
    assertEquals(List.of("echo a", "echo b", "echo c", "echo d", "slow done"), sorted(tamtam.texts()),
        "an update polled again was handled twice");
  }

  private static List<String> sorted(List<String> texts) {
    return texts.stream().sorted().toList();
  }

  private void awaitRelease() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
