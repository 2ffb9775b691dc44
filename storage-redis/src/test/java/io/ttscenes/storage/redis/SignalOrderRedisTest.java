package io.ttscenes.storage.redis;

import io.ttscenes.api.Bot;
import io.ttscenes.api.SessionRef;
import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestUser;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On Redis, whose inbox keeps delivery times in milliseconds (all equal under the kit's frozen
 * clock), a desk's twelve lines to a user's session, sent in one turn and in consecutive turns,
 * are handled in the desk's commit order (as {@code SignalOrderKitTest} in memory).
 */
final class SignalOrderRedisTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final AtomicInteger BOTS = new AtomicInteger();
  private static final SessionRef DESK = SessionRef.named("order-desk");
  private static final int LINES = 12;

  record Lines(SessionRef asker, boolean jobs) {}

  record Line(SessionRef asker, int n) {}

  private static Bot orderBot() {
    return Bot.builder("signal-order-redis").root(r -> {
      r.onSignal(Lines.class, (ctx, lines) -> {
        for (int n = 1; n <= LINES; n++) {
          if (lines.jobs()) {
            ctx.schedule("line-" + n, Duration.ofSeconds(1), new Line(lines.asker(), n));
          } else {
            ctx.signal(lines.asker(), new Line(lines.asker(), n));
          }
        }
      });
      for (int n = 1; n <= LINES; n++) {
        r.onScheduled("line-" + n, ctx -> {
          Line line = ctx.jobPayload(Line.class);
          ctx.signal(line.asker(), line);
        });
      }
      r.onSignal(Line.class, (ctx, line) -> ctx.reply("line " + line.n()));
      r.onCommand("lines", ctx -> ctx.signal(DESK, new Lines(ctx.self(), false)).reply("asked"));
      r.onCommand("jobs", ctx -> ctx.signal(DESK, new Lines(ctx.self(), true)).reply("asked"));
    }).build();
  }

  private static RedisSessionStore store() {
    return RedisSessionStore.create(RedisConfig.fromUrl(REDIS.url()).newBuilder()
        .botName("signal-order-" + BOTS.incrementAndGet()).build());
  }

  @Test
  void signalsSentInOneTurnAreHandledInTheOrderTheSenderRecordedThem() {
    try (RedisSessionStore store = store();
        BotTester bot = BotTester.builder(orderBot()).store(store).build().start()) {
      TestUser ann = bot.user("Ann");
      ann.sends("/lines").expectReply("asked");
      for (int n = 1; n <= LINES; n++) {
        ann.expectReply("line " + n);
      }
      ann.expectNoMoreReplies();
    }
  }

  @Test
  void signalsSentInConsecutiveTurnsAreHandledInCommitOrder() {
    try (RedisSessionStore store = store();
        BotTester bot = BotTester.builder(orderBot()).store(store).build().start()) {
      TestUser bea = bot.user("Bea");
      bea.sends("/jobs").expectReply("asked");
      bot.awaitIdle();
      bot.advance(Duration.ofSeconds(2));
      for (int n = 1; n <= LINES; n++) {
        bea.expectReply("line " + n);
      }
      bea.expectNoMoreReplies();
    }
  }
}
