package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.testkit.BotMessage;
import io.ttscenes.testkit.EmulatedUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scheduled jobs through a Redis restart: the real runtime on the Redis store, users schedule
 * two jobs each, Redis stops before any comes due and comes back after all are due; every job
 * then runs exactly once and no timer is left behind.
 */
final class ScheduledJobsRedisRestartTest {
  // Its own binary with appendfsync always: the test stops and restarts the server.
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.ownBinary();

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int USERS = 8;
  private static final Duration NUDGE = Duration.ofSeconds(1);
  private static final Duration LATE = Duration.ofSeconds(2);

  private BotOnRedis bot;

  @BeforeEach
  void startBot() {
    bot = BotOnRedis.start(reminders(), "jobs-restart", REDIS.url());
  }

  @AfterEach
  void stopBot() {
    bot.close();
  }

  @Test
  void jobsDueWhileRedisIsDownRunOnceEachAfterItComesBack() throws Exception {
    List<EmulatedUser> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      EmulatedUser user = bot.emulator.user("user-" + i);
      user.sendCommand("/remind");
      users.add(user);
    }
    for (EmulatedUser user : users) {
      assertEquals("ok", user.awaitMessage(WAIT).text(), user.name());
    }

    REDIS.stop();
    // Time itself is what the test waits for: every job comes due while Redis is down.
    Thread.sleep(LATE.plusMillis(500).toMillis());
    REDIS.restart();

    for (EmulatedUser user : users) {
      assertEquals("nudge " + user.name(), user.awaitMessage(WAIT).text(), user.name());
      assertEquals("late", user.awaitMessage(WAIT).text(), user.name());
    }
    assertTrue(RedisLeftovers.awaitNoTimers(REDIS, "jobs-restart", WAIT), "every fired timer was settled");
    for (EmulatedUser user : users) {
      assertEquals(List.of("ok", "nudge " + user.name(), "late"), botMessages(user), user.name());
      assertEquals(List.of(), user.untakenEvents(), user.name() + " got nothing more");
    }
  }

  private static List<String> botMessages(EmulatedUser user) {
    return user.messages().stream()
        .filter(m -> m.json().path("sender").path("user_id").asLong() != user.userId())
        .map(BotMessage::text).toList();
  }

  private static Bot reminders() {
    return Bot.builder("jobs-restart")
        .root(root -> root
            .onCommand("remind", ctx -> ctx.schedule("nudge", NUDGE, ctx.user().orElseThrow().name())
                .schedule("late", LATE, null).reply("ok"))
            .onScheduled("nudge", ctx -> ctx.reply("nudge " + ctx.jobPayload(String.class)))
            .onScheduled("late", ctx -> ctx.reply("late")))
        .build();
  }
}
