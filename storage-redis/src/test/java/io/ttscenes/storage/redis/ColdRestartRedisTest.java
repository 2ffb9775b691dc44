package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Counter;
import io.ttscenes.api.Bot;
import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestUser;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

/**
 * A returning user on Redis with the near cache: after the near cache dropped the session, the
 * instance still knows the key exists and reads it (the handler runs once); after a restart it
 * knows nothing, so the first turn runs on the guess that the session is new, and the refused
 * commit brings the real session: the user is answered once, from it.
 */
final class ColdRestartRedisTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final AtomicInteger BOTS = new AtomicInteger();
  private static final Duration NEAR_CACHE_TTL = Duration.ofMillis(300);

  record Tally(int count) {}

  private final AtomicInteger runs = new AtomicInteger();

  private Bot counterBot() {
    return Bot.builder("cold-restart").sessionData(Tally.class, () -> new Tally(0))
        .root(r -> r.onText(ctx -> {
          runs.incrementAndGet();
          int next = ctx.session(Tally.class).count() + 1;
          ctx.setSession(new Tally(next)).reply("count " + next);
        })).build();
  }

  private static RedisConfig config() {
    return RedisConfig.fromUrl(REDIS.url()).newBuilder()
        .botName("cold-restart-" + BOTS.incrementAndGet()).nearCache(true).nearCacheTtl(NEAR_CACHE_TTL).build();
  }

  @Test
  void aReturningUserAfterTheNearCacheTtlIsReadAndTheHandlerRunsOnce() {
    try (RedisSessionStore store = RedisSessionStore.create(config());
        BotTester tester = BotTester.builder(counterBot()).store(store).build().start()) {
      TestUser ann = tester.user("Ann");
      ann.sends("one").expectReply("count 1");

      // Caffeine checks an entry's expiry when it is read: past the TTL the session is not served.
      LockSupport.parkNanos(NEAR_CACHE_TTL.multipliedBy(2).toNanos());
      ann.sends("two").expectReply("count 2").expectNoMoreReplies();

      tester.awaitIdle();
      assertEquals(2, runs.get(), "no wasted run on a guessed new session");
      assertEquals(0.0, speculations(tester, "miss"), "the known key was read, not guessed");
      assertEquals(1.0, speculations(tester, "hit"), "only the first update of the new user was guessed");
    }
  }

  @Test
  void aReturningUserAfterARestartIsAnsweredOnceWithTheirRealData() {
    RedisConfig config = config();
    try (RedisSessionStore store = RedisSessionStore.create(config);
        BotTester tester = BotTester.builder(counterBot()).store(store).build().start()) {
      TestUser ann = tester.user("Ann");
      ann.sends("one").expectReply("count 1");
      ann.sends("two").expectReply("count 2").expectNoMoreReplies();
    }
    runs.set(0);
    // A new process: a new store with nothing in memory, on the same Redis and bot; Ann is the
    // same user (a new tester numbers its users alike). Its emulator numbers updates from the
    // start again, so the poll marker the first one left would skip them.
    try (UnifiedJedis admin = REDIS.newClient()) {
      admin.del(new RedisKeys(config.keyPrefix()).marker());
    }
    try (RedisSessionStore restarted = RedisSessionStore.create(config);
        BotTester tester = BotTester.builder(counterBot()).store(restarted).build().start()) {
      tester.user("Ann").sends("three").expectReply("count 3").expectNoMoreReplies();

      tester.awaitIdle();
      assertEquals(2, runs.get(), "one run on the guess, one on the session the refusal carried");
      assertEquals(1.0, speculations(tester, "miss"), "the first turn after the restart ran on a guess");
      assertEquals(0, tester.meters().find("ttscenes.commit.conflicts").counters().size(),
          "a missed guess is not a commit conflict");
    }
  }

  private static double speculations(BotTester tester, String outcome) {
    return tester.meters().find("ttscenes.session.speculation").tag("outcome", outcome).counters().stream()
        .mapToDouble(Counter::count).sum();
  }
}
