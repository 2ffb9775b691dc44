package io.ttscenes.storage.redis;

import io.ttscenes.testkit.Emulator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@link VoteWorkload} running in the test's JVM on a Redis ({@link BotOnRedis}) against a fresh
 * emulator for each test: the setup of the workload tests that keep the bot in process. Registered
 * with {@code @RegisterExtension} on an instance field, after the class's Redis.
 */
final class WorkloadBot implements BeforeEachCallback, AfterEachCallback {
  private final RedisServerExtension redis;
  private final String name;
  private BotOnRedis bot;

  /** The bot and its keys are named {@code name}; it stores on {@code redis}. */
  WorkloadBot(RedisServerExtension redis, String name) {
    this.redis = redis;
    this.name = name;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    bot = BotOnRedis.start(VoteWorkload.bot(name), name, redis.url());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (bot != null) {
      bot.close();
    }
  }

  /** The emulator the bot polls, for faults. */
  Emulator tamtam() {
    return bot.emulator;
  }

  /** A new run of the workload's voters against this bot. */
  WorkloadRun run() {
    return new WorkloadRun(bot.emulator, name);
  }
}
