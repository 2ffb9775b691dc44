package io.ttscenes.storage.redis;

import io.ttscenes.api.Bot;
import io.ttscenes.testkit.BotMessage;
import io.ttscenes.testkit.EmulatedUser;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import redis.clients.jedis.UnifiedJedis;

/**
 * What the webhook recovery end-to-end tests share: their echo bot, the replies a user got, the
 * holder of the store lease {@code recovery}, and a wait on the leases' own clocks.
 */
final class WebhookRecoveryFixture {
  private WebhookRecoveryFixture() {}

  /** A bot that answers every text with "echo " and the text. */
  static Bot echo(String botName) {
    return Bot.builder(botName).root(root -> root.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();
  }

  /** The texts the bot sent {@code user}, in order, the user's own messages left out. */
  static List<String> botReplies(EmulatedUser user) {
    return user.messages().stream()
        .filter(m -> m.json().path("sender").path("user_id").asLong() != user.userId())
        .map(BotMessage::text).toList();
  }

  /** The instance id holding bot {@code botName}'s recovery lease, or null. */
  static String recoveryLeaseHolder(RedisServerExtension redis, String botName) {
    try (UnifiedJedis client = redis.newClient()) {
      return client.get("tts:" + botName + ":lease:recovery");
    }
  }

  /** Returns once {@code condition} holds; fails naming {@code what} after {@code wait}. */
  static void awaitCondition(BooleanSupplier condition, String what, Duration wait) {
    // Lease expiry and take-over run on Redis's and the keepers' clocks: poll with a deadline.
    long deadline = System.nanoTime() + wait.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + wait.toSeconds() + " s");
      }
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
  }
}
