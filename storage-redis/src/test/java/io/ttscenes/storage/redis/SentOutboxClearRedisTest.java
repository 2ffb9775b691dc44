package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.SessionRef;
import io.ttscenes.api.store.PendingOutbox;
import io.ttscenes.testkit.EmulatedUser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a process killed now would leave for recovery to send again: the real runtime on Redis
 * clears sent entries of every kind of session (a user's, a named one that only receives
 * signals, one whose last commit ran a continuation) without a later commit of that session, so
 * none sent well before a crash is sent twice.
 */
final class SentOutboxClearRedisTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();

  /** Far above the runtime's clear delay (2 s) plus its pass period (1 s), for a loaded machine. */
  private static final Duration CLEARED_WITHIN = Duration.ofSeconds(20);
  private static final Duration WAIT = Duration.ofSeconds(20);

  record Ping(long userId) {}

  @Test
  void sentEntriesOfIdleUserNamedAndContinuedSessionsLeaveNothingForRecovery() throws Exception {
    try (BotOnRedis running = BotOnRedis.start(bot(), "sent-clear", REDIS.url());
        RedisSessionStore recovering = RedisSessionStore.create(
            RedisConfig.fromUrl(REDIS.url()).newBuilder().botName("sent-clear").build())) {
      EmulatedUser ann = running.emulator.user("Ann");
      ann.sendCommand("/plain");
      assertEquals("plain", ann.awaitMessage(WAIT).text());
      ann.sendCommand("/ping");
      assertEquals("pinged", ann.awaitMessage(WAIT).text());
      assertEquals("pong from the desk", ann.awaitMessage(WAIT).text());
      ann.sendCommand("/post");
      assertEquals("posted", ann.awaitMessage(WAIT).text());
      assertEquals("continued", ann.awaitMessage(WAIT).text());

      assertEquals(List.of(), awaitNoPending(recovering), "entries a recovering process would send again");
    }
  }

  /** Lists the store's pending entries until there are none or {@link #CLEARED_WITHIN} passed. */
  private static List<String> awaitNoPending(RedisSessionStore store) throws InterruptedException {
    long end = System.nanoTime() + CLEARED_WITHIN.toNanos();
    List<String> pending = pending(store);
    while (!pending.isEmpty() && System.nanoTime() < end) {
      Thread.sleep(100);
      pending = pending(store);
    }
    return pending;
  }

  private static List<String> pending(RedisSessionStore store) {
    return store.pendingOutboxes(100).stream().map(PendingOutbox::key).toList();
  }

  private static Bot bot() {
    return Bot.builder("sent-clear")
        .root(root -> root
            .onCommand("plain", ctx -> ctx.reply("plain"))
            .onCommand("ping", ctx -> ctx.reply("pinged")
                .signal(SessionRef.named("desk"), new Ping(ctx.userId().orElseThrow())))
            .onSignal(Ping.class, (ctx, ping) -> ctx.sendToUser(ping.userId(), OutgoingMessage.text("pong from the desk")))
            .onCommand("post", ctx -> ctx.reply("posted").then("posted"))
            .onSent("posted", (ctx, sent) -> ctx.reply("continued")))
        .build();
  }
}
