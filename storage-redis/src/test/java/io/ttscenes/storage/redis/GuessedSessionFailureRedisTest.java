package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.ttscenes.runtime.engine.RuntimeListener;
import io.ttscenes.runtime.engine.UpdateOutcome;
import io.ttscenes.runtime.warmup.WarmupSettings;
import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A handler that fails on the empty session the Redis near cache guesses for a key it does not
 * know (after a restart) is not a handler failure: the guess is refused and the turn runs on the
 * real session, and only a failure of that run reaches the exception handler and the listener.
 */
final class GuessedSessionFailureRedisTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final AtomicInteger BOTS = new AtomicInteger();
  private static final Duration WAIT = Duration.ofSeconds(30);

  record Count(int n) {}

  /** Session data that cannot be written as JSON while it holds a {@link Part}. */
  record Box(int n, Part part) {}

  /** Cannot be written as JSON: its one accessor throws. */
  record Part(int size) {
    @Override
    public int size() {
      throw new IllegalArgumentException("not writable");
    }
  }

  private final String botName = "guess-bot-" + BOTS.incrementAndGet();
  private final List<String> exceptionHandled = new CopyOnWriteArrayList<>();
  private final List<UpdateOutcome> outcomes = new CopyOnWriteArrayList<>();
  private final Emulator emulator = Emulator.start(0);
  private final EmulatedUser user = emulator.user("alice");

  @AfterEach
  void stopEmulator() {
    emulator.close();
  }

  @Test
  void aHandlerFailingOnlyOnTheGuessedEmptySessionIsNotReportedAndRunsOnTheRealOne() {
    try (RedisSessionStore before = store(); BotRuntime first = runtime(before)) {
      first.start();
      user.sendText("hello");
      assertEquals("count 1", user.awaitMessage(WAIT).text());
    }
    exceptionHandled.clear();
    outcomes.clear();

    // A new process: its near cache knows no key, so the session of "again" is guessed new.
    try (RedisSessionStore restarted = store(); BotRuntime second = runtime(restarted)) {
      second.start();
      user.sendText("again");
      assertEquals("again after 1", user.awaitMessage(WAIT).text());
      assertEquals(List.of(), exceptionHandled, "the failure on the guessed session reached the bot's exception handler");
      assertEquals(List.of(UpdateOutcome.HANDLED), outcomesOnce(1));

      // A failure of the real turn is still the bot's to handle and is reported.
      user.sendText("boom");
      assertEquals("sorry: boom", user.awaitMessage(WAIT).text());
      assertEquals(List.of("boom"), exceptionHandled);
      assertEquals(List.of(UpdateOutcome.HANDLED, UpdateOutcome.HANDLER_FAILED), outcomesOnce(2));

      // A user who is new indeed: the read finds no session either, and that run's failure counts, once.
      EmulatedUser newcomer = emulator.user("bob");
      newcomer.sendText("again");
      assertEquals("sorry: nothing to repeat for a new user", newcomer.awaitMessage(WAIT).text());
      assertEquals(List.of("boom", "nothing to repeat for a new user"), exceptionHandled);
      assertEquals(List.of(UpdateOutcome.HANDLED, UpdateOutcome.HANDLER_FAILED, UpdateOutcome.HANDLER_FAILED),
          outcomesOnce(3));
    }
  }

  @Test
  void aResultUnwritableOnlyOnTheGuessedEmptySessionIsNotReportedAndRunsOnTheRealOne() {
    try (RedisSessionStore before = store(); BotRuntime first = runtime(before, boxBot())) {
      first.start();
      user.sendText("hello");
      assertEquals("box 1", user.awaitMessage(WAIT).text());
    }
    exceptionHandled.clear();
    outcomes.clear();

    // On the guess the handler leaves session data that cannot be stored; on the real session it does not.
    try (RedisSessionStore restarted = store(); BotRuntime second = runtime(restarted, boxBot())) {
      second.start();
      user.sendText("keep");
      assertEquals("kept 1", user.awaitMessage(WAIT).text());
      assertEquals(List.of(), exceptionHandled, "the unwritable result of the guessed run reached the exception handler");
      assertEquals(List.of(UpdateOutcome.HANDLED), outcomesOnce(1));

      // For a user who is new indeed the unwritable result is the bot's failure, reported once.
      EmulatedUser newcomer = emulator.user("bob");
      newcomer.sendText("keep");
      assertTrue(newcomer.awaitMessage(WAIT).text().startsWith("sorry: could not write session data"));
      assertEquals(1, exceptionHandled.size(), "reported once: " + exceptionHandled);
      assertEquals(List.of(UpdateOutcome.HANDLED, UpdateOutcome.HANDLER_FAILED), outcomesOnce(2));
    }
  }

  /** The outcomes reported once {@code count} are (reported after the reply is sent), bounded. */
  private List<UpdateOutcome> outcomesOnce(int count) {
    long end = System.nanoTime() + WAIT.toNanos();
    while (outcomes.size() < count && System.nanoTime() < end) {
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
    return List.copyOf(outcomes);
  }

  private RedisSessionStore store() {
    return RedisSessionStore.create(RedisConfig.fromUrl(REDIS.url()).newBuilder().botName(botName)
        .nearCache(true).build());
  }

  private BotRuntime runtime(RedisSessionStore store) {
    return runtime(store, bot());
  }

  private BotRuntime runtime(RedisSessionStore store, Bot bot) {
    RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_API_URL", emulator.baseUrl(),
        "TAMTAM_TOKEN", emulator.token(), "TTSCENES_BOT_NAME", botName,
        "TTSCENES_POLL_TIMEOUT_SECONDS", "1", "TTSCENES_TIMER_PERIOD_MS", "3600000"));
    RuntimeListener outcomesOfUpdates = new RuntimeListener() {
      @Override
      public void updateHandled(String updateType, UpdateOutcome outcome, Duration duration) {
        outcomes.add(outcome);
      }
    };
    return BotRuntime.builder(bot, config).store(store, false)
        .api(OkHttpBotApi.builder(emulator.token()).baseUrl(emulator.baseUrl()).build())
        .listener(outcomesOfUpdates).warmup(WarmupSettings.disabled()).build();
  }

  private Bot bot() {
    return Bot.builder(botName)
        .sessionData(Count.class, () -> new Count(0))
        .onException(IllegalStateException.class, (ctx, e) -> {
          exceptionHandled.add(e.getMessage());
          ctx.reply("sorry: " + e.getMessage());
        })
        .root(root -> root
            .onText(ctx -> {
              int n = ctx.session(Count.class).n();
              if (ctx.text().equals("boom")) {
                throw new IllegalStateException("boom");
              }
              if (ctx.text().equals("again")) {
                if (n == 0) {
                  throw new IllegalStateException("nothing to repeat for a new user");
                }
                ctx.reply("again after " + n);
                return;
              }
              ctx.setSession(new Count(n + 1)).reply("count " + (n + 1));
            }))
        .build();
  }

  /** Counts texts; "keep" on an empty session leaves data that cannot be written, else replies. */
  private Bot boxBot() {
    return Bot.builder(botName)
        .sessionData(Box.class, () -> new Box(0, null))
        .onException(IllegalStateException.class, (ctx, e) -> {
          exceptionHandled.add(e.getMessage());
          ctx.reply("sorry: " + e.getMessage());
        })
        .root(root -> root
            .onText(ctx -> {
              int n = ctx.session(Box.class).n();
              if (!ctx.text().equals("keep")) {
                ctx.setSession(new Box(n + 1, null)).reply("box " + (n + 1));
              } else if (n == 0) {
                ctx.setSession(new Box(0, new Part(1)));
              } else {
                ctx.reply("kept " + n);
              }
            }))
        .build();
  }
}
