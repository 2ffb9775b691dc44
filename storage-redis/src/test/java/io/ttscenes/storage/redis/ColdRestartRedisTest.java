package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.ttscenes.api.Bot;
import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestUser;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A returning user after a restart, on Redis with the near cache: the bot holds nothing of the
 * session in memory, so its first turn runs on the guess that the session is new; the refused
 * commit brings the real session and the user is answered once, from it.
 */
final class ColdRestartRedisTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final AtomicInteger BOTS = new AtomicInteger();
  private static final Duration NEAR_CACHE_TTL = Duration.ofMillis(300);

  record Tally(int count) {}

  private static Bot counterBot() {
    return Bot.builder("cold-restart").sessionData(Tally.class, () -> new Tally(0))
        .root(r -> r.onText(ctx -> {
          int next = ctx.session(Tally.class).count() + 1;
          ctx.setSession(new Tally(next)).reply("count " + next);
        })).build();
  }

  @Test
  void aReturningUserAfterAColdRestartIsAnsweredOnceWithTheirRealData() {
    RedisConfig config = RedisConfig.fromUrl(REDIS.url()).newBuilder()
        .botName("cold-restart-" + BOTS.incrementAndGet()).nearCache(true).nearCacheTtl(NEAR_CACHE_TTL).build();
    try (RedisSessionStore store = RedisSessionStore.create(config);
        BotTester tester = BotTester.builder(counterBot()).store(store).build().start()) {
      TestUser ann = tester.user("Ann");
      ann.sends("one").expectReply("count 1");
      ann.sends("two").expectReply("count 2").expectNoMoreReplies();

      tester.restart();
      // The near cache forgets after its TTL: a new process's cache would hold nothing either.
      LockSupport.parkNanos(NEAR_CACHE_TTL.multipliedBy(2).toNanos());
      ann.sends("three").expectReply("count 3").expectNoMoreReplies();

      tester.awaitIdle();
      assertTrue(missedGuesses(tester) >= 1.0, "the first turn after the restart ran on a guess");
      assertEquals(0, tester.meters().find("ttscenes.commit.conflicts").counters().size(),
          "a missed guess is not a commit conflict");
    }
  }

  private static double missedGuesses(BotTester tester) {
    return tester.meters().find("ttscenes.session.speculation").tag("outcome", "miss").counters().stream()
        .mapToDouble(Counter::count).sum();
  }
}
