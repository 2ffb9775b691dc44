package io.ttscenes.runtime;

import static io.ttscenes.runtime.fake.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.store.ForwardingSessionStore;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoredSession;
import io.ttscenes.runtime.fake.FakeTamTam;
import io.ttscenes.runtime.fake.ScriptedStore;
import io.ttscenes.runtime.warmup.WarmupSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The warm-up before the first poll, against the fake TamTam on loopback: it rehearses without
 * sending or committing anything, keeps to its budget, can be turned off, survives a throwing
 * handler, never delays a close, and the bot then answers real users as usual.
 */
final class BotRuntimeWarmupTest {
  /** Synthetic users have ids below this; real ones in these tests are positive. */
  private static final long SYNTHETIC = 0;
  private final ScriptedStore store = new ScriptedStore();
  private final AtomicInteger rehearsed = new AtomicInteger();
  private final CountDownLatch released = new CountDownLatch(1);
  private FakeTamTam tamtam;
  private BotRuntime runtime;

  @BeforeEach
  void startTamTam() throws Exception {
    tamtam = FakeTamTam.start();
  }

  @AfterEach
  void stop() {
    released.countDown();
    if (runtime != null) {
      runtime.close();
    }
    tamtam.close();
    store.dispose();
  }

  @Test
  void rehearsingTheBotsHandlersSendsNothingCommitsNothingAndTheBotThenAnswersRealUsers() throws Exception {
    runtime = runtime(Map.of("TTSCENES_WARMUP_MS", "20000", "TTSCENES_WARMUP_HANDLERS", "true"), ctx -> { });
    runtime.start();
    assertTrue(rehearsed.get() > 0, "the bot's handlers were rehearsed");
    assertEquals(List.of(), tamtam.messages(), "the rehearsal's replies never reach the API");
    assertEquals(List.of(), tamtam.answers());
    assertEquals(List.of(), commits(), "the rehearsal's sessions never reach the bot's store");
    assertEquals(0, handled(), "the rehearsal's updates are not in the bot's meters");

    tamtam.push(message(7, "hello"));
    assertEquals(List.of("echo hello"), tamtam.awaitTexts(1));
    assertTrue(commits().stream().allMatch(commit -> commit.equals("commit:u:7:c:7")), commits().toString());
    // Counted once acknowledged, just after its reply was sent.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (handled() < 1 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(1, handled(), "the real update is");
  }

  @Test
  void aJobTheRehearsalSchedulesNeverFires() throws Exception {
    AtomicInteger syntheticFired = new AtomicInteger();
    Bot bot = Bot.builder("warm-jobs")
        .root(r -> r
            .onText(ctx -> {
              if (ctx.userId().orElseThrow() < SYNTHETIC) {
                rehearsed.incrementAndGet();
              }
              ctx.schedule("ping", Duration.ZERO, null).reply("scheduled");
            })
            .onScheduled("ping", ctx -> {
              if (ctx.userId().orElseThrow() < SYNTHETIC) {
                syntheticFired.incrementAndGet();
              }
              ctx.reply("ping");
            }))
        .build();
    runtime = runtime(store, Map.of("TTSCENES_WARMUP_MS", "20000", "TTSCENES_WARMUP_HANDLERS", "true"), bot);
    runtime.start();
    assertTrue(rehearsed.get() > 0, "the rehearsal scheduled jobs");
    tamtam.push(message(11, "remind me"));
    // The real user's job fires through the bot's timer poller; by then any job of the rehearsal would have too.
    assertEquals(List.of("scheduled", "ping"), tamtam.awaitTexts(2));
    assertEquals(0, syntheticFired.get(), "jobs the rehearsal scheduled fired");
    assertEquals(List.of("scheduled", "ping"), tamtam.texts());
  }

  @Test
  void theRuntimesOwnRehearsalRunsNoHandlerOfTheBot() throws Exception {
    runtime = runtime(Map.of("TTSCENES_WARMUP_MS", "20000"), ctx -> { });
    runtime.start();
    assertEquals(0, rehearsed.get(), "without TTSCENES_WARMUP_HANDLERS only the runtime's own handlers run");
    assertEquals(List.of(), tamtam.messages());
    tamtam.push(message(8, "hi"));
    assertEquals(List.of("echo hi"), tamtam.awaitTexts(1));
  }

  @Test
  void aZeroBudgetTurnsTheWarmUpOff() throws Exception {
    runtime = runtime(Map.of("TTSCENES_WARMUP_MS", "0", "TTSCENES_WARMUP_HANDLERS", "true"), ctx -> { });
    runtime.start();
    assertEquals(0, rehearsed.get());
  }

  @Test
  void theWarmUpStopsAtItsBudget() throws Exception {
    // 256 users with three 100 ms texts each on 4 lanes would take 19 s; the budget ends it at 1.5 s.
    runtime = runtime(Map.of("TTSCENES_WARMUP_MS", "1500", "TTSCENES_WARMUP_HANDLERS", "true"),
        ctx -> sleep(Duration.ofMillis(100)));
    long start = System.nanoTime();
    runtime.start();
    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(took < 4000, "start took " + took + " ms with a 1.5 s warm-up budget");
    assertTrue(rehearsed.get() > 0);
  }

  @Test
  void aHandlerThatThrowsDuringTheRehearsalDoesNotStopTheStart() throws Exception {
    runtime = runtime(Map.of("TTSCENES_WARMUP_MS", "20000", "TTSCENES_WARMUP_HANDLERS", "true"), ctx -> {
      if (ctx.userId().orElseThrow() < SYNTHETIC) {
        throw new IllegalStateException("this handler refuses synthetic users");
      }
    });
    runtime.start();
    assertTrue(rehearsed.get() > 0);
    assertTrue(rehearsed.get() <= 4, "the rehearsal stops after the first failing step, not after "
        + rehearsed.get() + " failures");
    assertEquals(List.of(), tamtam.messages(), "not even the apology for the failure is sent");
    tamtam.push(message(9, "still here"));
    assertEquals(List.of("echo still here"), tamtam.awaitTexts(1));
  }

  @Test
  void closingWhileWarmingUpIsNotDelayedAndStartsNothing() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    runtime = runtime(Map.of("TTSCENES_WARMUP_MS", "60000", "TTSCENES_WARMUP_HANDLERS", "true"), ctx -> {
      entered.countDown();
      await(never);
    });
    long took = closeOnceWarmingUp(entered);
    assertTrue(took < 5000, "close took " + took + " ms while a 60 s warm-up was running");
    assertTrue(tamtam.events().stream().noneMatch(e -> e.startsWith("poll:")), "nothing polled: " + tamtam.events());
    runtime = null;
  }

  @Test
  void anInterruptedStartEndsItsWarmUpAtOnceKeepsTheInterruptAndTheBotAnswers() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    runtime = runtime(Map.of("TTSCENES_WARMUP_MS", "60000", "TTSCENES_WARMUP_HANDLERS", "true"), ctx -> {
      if (ctx.userId().orElseThrow() < SYNTHETIC) {
        entered.countDown();
        await(never);
      }
    });
    AtomicBoolean interrupted = new AtomicBoolean();
    Thread starter = new Thread(() -> {
      runtime.start();
      interrupted.set(Thread.currentThread().isInterrupted());
    }, "starter");
    starter.start();
    assertTrue(entered.await(20, TimeUnit.SECONDS), "the rehearsal reached a handler");
    starter.interrupt();
    starter.join(TimeUnit.SECONDS.toMillis(5));
    assertFalse(starter.isAlive(), "start returned soon after the interrupt");
    assertTrue(interrupted.get(), "the caller still sees its interrupt");
    tamtam.push(message(12, "after the interrupt"));
    assertEquals(List.of("echo after the interrupt"), tamtam.awaitTexts(1));
  }

  @Test
  void closingWhileTheStoreHangsOnTheWarmUpsReadsIsNotDelayed() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    SessionStore hanging = new ForwardingSessionStore(store) {
      @Override
      public Optional<StoredSession> load(String key) {
        reading.countDown();
        await(released);
        return super.load(key);
      }
    };
    runtime = runtime(hanging, Map.of("TTSCENES_WARMUP_MS", "15000"), ctx -> { });
    long took = closeOnceWarmingUp(reading);
    assertTrue(took < 5000, "close took " + took + " ms while the store hung in a 15 s warm-up");
    runtime = null;
  }

  @Test
  void startingAndClosingManyTimesLeavesNoThreadBehind() throws Exception {
    Map<String, Integer> before = runtimeThreads();
    for (int i = 0; i < 5; i++) {
      runtime = runtime(Map.of("TTSCENES_WARMUP_MS", "20000"), ctx -> { });
      runtime.start();
      tamtam.push(message(10 + i, "round " + i));
      assertEquals("echo round " + i, tamtam.awaitTexts(i + 1).get(i));
      runtime.close();
    }
    runtime = null;
    // Threads of earlier tests may still be ending meanwhile: what counts is that no name has more
    // threads alive than before the five runtimes.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Map<String, Integer> added = added(before, runtimeThreads());
    while (!added.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      added = added(before, runtimeThreads());
    }
    assertEquals(Map.of(), added, "threads of five closed runtimes still alive, by name");
  }

  /** The names with more threads alive {@code now} than {@code before}, and how many more. */
  private static Map<String, Integer> added(Map<String, Integer> before, Map<String, Integer> now) {
    Map<String, Integer> added = new HashMap<>();
    now.forEach((name, count) -> {
      int more = count - before.getOrDefault(name, 0);
      if (more > 0) {
        added.put(name, more);
      }
    });
    return added;
  }

  private List<String> commits() {
    return store.events().stream().filter(e -> e.startsWith("commit")).toList();
  }

  /**
   * Starts the runtime on a thread of its own and closes it once the warm-up reached
   * {@code reached}; checks that start returned and gives how long close took, in ms.
   */
  private long closeOnceWarmingUp(CountDownLatch reached) throws InterruptedException {
    Thread starter = new Thread(runtime::start, "starter");
    starter.start();
    assertTrue(reached.await(20, TimeUnit.SECONDS), "the warm-up got that far");
    long start = System.nanoTime();
    runtime.close();
    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    starter.join(TimeUnit.SECONDS.toMillis(20));
    assertFalse(starter.isAlive(), "start returned");
    return took;
  }

  /** The names of live threads the runtime names ({@code ttscenes-...}), with a count suffix when several share one. */
  /**
   * The runtime's threads alive, by name, without the API client's deadline checker: one for the
   * whole process (CallDeadlines), started by the first call and kept as long as the JVM runs.
   */
  private static Map<String, Integer> runtimeThreads() {
    Map<String, Integer> byName = new HashMap<>();
    Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(name -> name.startsWith("ttscenes-") && !name.equals("ttscenes-http-deadlines"))
        .forEach(name -> byName.merge(name, 1, Integer::sum));
    return byName;
  }


  private BotRuntime runtime(Map<String, String> warmup, Consumer<Context<Object>> extra) {
    return runtime(store, warmup, extra);
  }

  private BotRuntime runtime(SessionStore botStore, Map<String, String> warmup, Consumer<Context<Object>> extra) {
    return runtime(botStore, warmup, echo(extra));
  }

  private BotRuntime runtime(SessionStore botStore, Map<String, String> warmup, Bot bot) {
    RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_API_URL", tamtam.url(),
        "TTSCENES_POLL_TIMEOUT_SECONDS", "1", "TTSCENES_PARALLELISM", "4", "TTSCENES_TIMER_PERIOD_MS", "50"));
    return BotRuntime.builder(bot, config).store(botStore, false).warmup(WarmupSettings.from(warmup)).build();
  }

  /** How many updates the runtime's meters counted as handled. */
  private double handled() {
    return runtime.meterRegistry().find("ttscenes.updates").counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private Bot echo(Consumer<Context<Object>> extra) {
    return Bot.builder("warm-test")
        .root(r -> r.onText(ctx -> {
          if (ctx.userId().orElseThrow() < SYNTHETIC) {
            rehearsed.incrementAndGet();
          }
          extra.accept(ctx);
          ctx.reply("echo " + ctx.text());
        }))
        .build();
  }

  private static void sleep(Duration time) {
    try {
      Thread.sleep(time.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
