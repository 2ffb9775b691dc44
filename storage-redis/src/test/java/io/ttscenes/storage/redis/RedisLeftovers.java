package io.ttscenes.storage.redis;

import java.time.Duration;
import redis.clients.jedis.UnifiedJedis;

/**
 * Reads what a bot left to do on a test Redis, whatever its key prefix (a deployed bot adds its
 * id to the name): no timer left means no scheduled job can fire again, no outbox index entry
 * left means nothing committed waits to be sent or cleared.
 */
final class RedisLeftovers {
  private RedisLeftovers() {}

  /** Waits up to {@code timeout} until no timer sorted set of the bot {@code botName} has a member. */
  static boolean awaitNoTimers(RedisServerExtension redis, String botName, Duration timeout)
      throws InterruptedException {
    return awaitEmpty(redis, botName, "*timers*", timeout);
  }

  /** Waits up to {@code timeout} until no outbox index of the bot {@code botName} has a member. */
  static boolean awaitNoOutboxes(RedisServerExtension redis, String botName, Duration timeout)
      throws InterruptedException {
    return awaitEmpty(redis, botName, "*outboxes*", timeout);
  }

  private static boolean awaitEmpty(RedisServerExtension redis, String botName, String what, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String pattern = "tts:" + botName + ":" + what;
    try (UnifiedJedis admin = redis.newClient()) {
      // Empty sorted sets are deleted, so no match at all is the goal; but no session either
      // would mean the prefix is wrong and the check could not fail.
      if (admin.keys("tts:" + botName + ":*s:*").isEmpty()) {
        throw new IllegalStateException("no session of bot " + botName + " on " + redis.url());
      }
      while (System.nanoTime() < deadline) {
        if (admin.keys(pattern).stream().filter(key -> "zset".equals(admin.type(key)))
            .mapToLong(admin::zcard).sum() == 0) {
          return true;
        }
        Thread.sleep(50);
      }
    }
    return false;
  }
}
