package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.OutboxEntry;
import io.ttscenes.api.store.PendingOutbox;
import io.ttscenes.api.store.StoredSession;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

/**
 * Review of commit.lua (5e2e382): {@link Commit} accepts any positive TTL and the in-memory store
 * caps it at 100 years, but the script passes it to PEXPIRE as is. Redis rejects a deadline past
 * 2^63 ms with a script error after the session's HSET already ran (scripts do not roll back), so
 * the "all or nothing" commit leaves a new version without TTL and no outbox entry for recovery.
 */
final class CommitScriptReviewTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();

  @Test
  void aCommitWithTheLongestTtlIsStoredWholeWithItsOutboxOrNotAtAll() {
    RedisConfig config = RedisConfig.fromUrl(REDIS.url()).newBuilder()
        .botName("review6-ttl").nearCache(false).build();
    OutboxEntry entry = new OutboxEntry("1-reply", "{\"calls\":[]}");
    Commit forever = new Commit("user-1", 0, "data", Optional.of(entry), "update-1",
        Duration.ofMillis(Long.MAX_VALUE));
    try (RedisSessionStore store = RedisSessionStore.create(config);
        UnifiedJedis jedis = REDIS.newClient()) {
      CommitResult result;
      try {
        result = store.commit(forever);
      } catch (RuntimeException e) {
        Optional<StoredSession> left = store.load("user-1");
        throw new AssertionError("the commit failed (" + e.getMessage() + ") yet left the session "
            + "written: " + left + ", with PTTL " + jedis.pttl(config.keyPrefix() + "s:{user-1}")
            + " and pending outboxes " + store.pendingOutboxes(10), e);
      }
      assertInstanceOf(CommitResult.Committed.class, result);
      assertEquals(List.of(new PendingOutbox("user-1", entry)), store.pendingOutboxes(10));
      assertTrue(jedis.pttl(config.keyPrefix() + "s:{user-1}") > 0, "the session has a TTL");
    }
  }

  @Test
  void anOutboxOfAShortLivedSessionOutlivesItLongEnoughForRecovery() {
    RedisConfig config = RedisConfig.fromUrl(REDIS.url()).newBuilder()
        .botName("review6-short").nearCache(false).build();
    Commit brief = new Commit("user-2", 0, "data", Optional.of(new OutboxEntry("1-reply", "{}")),
        "update-2", Duration.ofSeconds(5));
    try (RedisSessionStore store = RedisSessionStore.create(config);
        UnifiedJedis jedis = REDIS.newClient()) {
      assertInstanceOf(CommitResult.Committed.class, store.commit(brief));

      long session = jedis.pttl(config.keyPrefix() + "s:{user-2}");
      long outbox = jedis.pttl(config.keyPrefix() + "o:{user-2}");
      assertTrue(session > 0 && session <= 5_000, "the session keeps its own TTL: " + session);
      assertTrue(outbox > 3_500_000, "the outbox lives about an hour: " + outbox);
    }
  }
}
