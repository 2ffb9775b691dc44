package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.testkit.EmulatedUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sent-message continuations through a Redis restart: the real runtime on the Redis store, users
 * each post one message whose continuation counts it in their session, and Redis stops while those
 * are in flight (updates not committed, messages sent but their outcome not in the inbox, outcomes
 * in the inbox but not handled). After it comes back every session has continued exactly once.
 */
final class ContinuationsRedisRestartTest {
  // Its own binary with appendfsync always: the test stops and restarts the server.
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.ownBinary();

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int USERS = 8;

  private BotOnRedis bot;

  @BeforeEach
  void startBot() {
    bot = BotOnRedis.start(poster(), "continuations-restart", REDIS.url());
  }

  @AfterEach
  void stopBot() {
    bot.close();
  }

  @Test
  void postsInFlightWhileRedisRestartsEachContinueOnce() throws Exception {
    List<EmulatedUser> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      users.add(bot.emulator.user("user-" + i));
    }
    users.forEach(user -> user.sendCommand("/post"));
    REDIS.stop();
    Thread.sleep(1_000);
    REDIS.restart();

    for (EmulatedUser user : users) {
      assertEquals("continued", awaitText(user, "continued"), user.name());
      user.sendCommand("/count");
      assertEquals("continuations 1", awaitText(user, "continuations "), user.name());
    }
  }

  /** Waits for the bot's message starting with {@code wanted}; replies may repeat after the outage. */
  private static String awaitText(EmulatedUser user, String wanted) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      String text = user.awaitMessage(WAIT).text();
      if (text != null && text.startsWith(wanted)) {
        return text;
      }
    }
    return "nothing within " + WAIT;
  }

  private static Bot poster() {
    return Bot.builder("continuations-restart")
        .sessionData(Long.class, () -> 0L)
        .root(root -> root
            .onCommand("post", ctx -> ctx.reply("posted").then("posted"))
            .onSent("posted", (ctx, sent) -> ctx.setSession(ctx.session(Long.class) + 1).reply("continued"))
            .onCommand("count", ctx -> ctx.reply("continuations " + ctx.session(Long.class))))
        .build();
  }
}
