package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.SessionRef;
import io.ttscenes.testkit.EmulatedUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signals through a Redis restart: the real runtime on the Redis store, users each send one
 * signal to a shared named counter and Redis stops while those are in flight (some updates not
 * yet committed, some signals committed but not delivered, some delivered but not handled); after
 * it comes back, the counter has counted every signal exactly once.
 */
final class SignalsRedisRestartTest {
  // Its own binary with appendfsync always: the test stops and restarts the server.
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.ownBinary();

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int USERS = 8;
  private static final SessionRef COUNTER = SessionRef.named("counter");

  record Count(long userId) {}

  record Total(long userId) {}

  private BotOnRedis bot;

  @BeforeEach
  void startBot() {
    bot = BotOnRedis.start(counter(), "signals-restart", REDIS.url());
  }

  @AfterEach
  void stopBot() {
    bot.close();
  }

  @Test
  void signalsInFlightWhileRedisRestartsAreEachCountedOnce() throws Exception {
    List<EmulatedUser> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      users.add(bot.emulator.user("user-" + i));
    }
    users.forEach(user -> user.sendCommand("/count"));
    REDIS.stop();
    Thread.sleep(1_000);
    REDIS.restart();

    for (EmulatedUser user : users) {
      assertEquals("counted", awaitText(user, "counted"), user.name());
    }
    EmulatedUser last = users.get(USERS - 1);
    last.sendCommand("/total");
    assertEquals("total " + USERS, awaitText(last, "total " + USERS));
  }

  /** Waits for the bot's message reading {@code wanted}; replies may repeat after the outage. */
  private static String awaitText(EmulatedUser user, String wanted) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      String text = user.awaitMessage(WAIT).text();
      if (wanted.equals(text) || (text != null && text.startsWith("total"))) {
        return text;
      }
    }
    return "nothing within " + WAIT;
  }

  private static Bot counter() {
    return Bot.builder("signals-restart")
        .sessionData(Long.class, () -> 0L)
        .root(root -> root
            .onCommand("count", ctx -> ctx.signal(COUNTER, new Count(ctx.userId().orElseThrow())))
            .onCommand("total", ctx -> ctx.signal(COUNTER, new Total(ctx.userId().orElseThrow())))
            .onSignal(Count.class, (ctx, count) -> ctx.setSession(ctx.session(Long.class) + 1)
                .sendToUser(count.userId(), OutgoingMessage.text("counted")))
            .onSignal(Total.class, (ctx, total) -> ctx.sendToUser(total.userId(),
                OutgoingMessage.text("total " + ctx.session(Long.class)))))
        .build();
  }
}
