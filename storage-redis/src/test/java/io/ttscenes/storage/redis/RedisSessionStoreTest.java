package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.CommitResult.Committed;
import io.ttscenes.api.store.CommitResult.Conflict;
import io.ttscenes.api.store.Concurrently;
import io.ttscenes.api.store.OutboxEntry;
import io.ttscenes.api.store.PendingOutbox;
import io.ttscenes.api.store.StoredSession;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

/** What only the Redis store has to show: several instances, the near cache, scripts, TTLs. */
final class RedisSessionStoreTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final AtomicInteger BOTS = new AtomicInteger();
  private static final Duration HOUR = Duration.ofHours(1);

  private static RedisConfig config(boolean nearCache) {
    return RedisConfig.fromUrl(REDIS.url()).newBuilder()
        .botName("store-" + BOTS.incrementAndGet()).nearCache(nearCache).build();
  }

  private static Commit commit(String key, long expected, String data, String updateId) {
    return new Commit(key, expected, data, Optional.empty(), updateId, HOUR);
  }

  private static StoredSession loadUncached(RedisConfig config, String key) {
    try (RedisSessionStore fresh = RedisSessionStore.create(config.newBuilder().nearCache(false).build())) {
      return fresh.load(key).orElseThrow();
    }
  }

  @Test
  void anOpenStoreRegistersNoConnectionPoolWithJmx() throws Exception {
    // Registering a pool MBean creates the platform MBean server: a cold start's CPU for nothing.
    try (RedisSessionStore store = RedisSessionStore.create(config(false))) {
      store.commit(commit("jmx", 0, "v1", "m1"));
      assertEquals(Set.of(), ManagementFactory.getPlatformMBeanServer()
          .queryNames(new ObjectName("org.apache.commons.pool2:*"), null));
    }
  }

  @Test
  void twoInstancesCommittingOneKeyHaveOneWinnerPerVersion() throws Exception {
    RedisConfig config = config(true);
    try (RedisSessionStore a = RedisSessionStore.create(config);
        RedisSessionStore b = RedisSessionStore.create(config)) {
      AtomicInteger turn = new AtomicInteger();
      List<List<Long>> wins = Concurrently.run(4, () -> {
        RedisSessionStore mine = turn.getAndIncrement() % 2 == 0 ? a : b;
        List<Long> won = new ArrayList<>();
        for (int attempt = 0; won.size() < 30; attempt++) {
          long expected = mine.load("hot").map(StoredSession::version).orElse(0L);
          CommitResult result = mine.commit(
              commit("hot", expected, "v" + (expected + 1), Thread.currentThread().getName() + attempt));
          if (result instanceof Committed c) {
            won.add(c.version());
          }
        }
        return won;
      });
      List<Long> all = new ArrayList<>();
      wins.forEach(all::addAll);
      assertEquals(120, all.size());
      assertEquals(120, new HashSet<>(all).size(), "each version has exactly one winner");
      assertEquals("v120", loadUncached(config, "hot").data());
    }
  }

  @Test
  void staleNearCacheHitEndsInAConflictAndTheReloadSeesTheOtherWrite() {
    RedisConfig config = config(true);
    try (RedisSessionStore a = RedisSessionStore.create(config);
        RedisSessionStore b = RedisSessionStore.create(config)) {
      a.commit(commit("u1", 0, "from a", "m1"));
      assertEquals(new Committed(2), b.commit(commit("u1", 1, "from b", "m2")));

      assertEquals("from a", a.load("u1").orElseThrow().data(), "a's near cache is stale");
      assertEquals(new Conflict(2, Optional.of(new StoredSession(2, "from b", List.of("m1", "m2")))),
          a.commit(commit("u1", 1, "lost update", "m3")), "the refusal carries b's write");
      StoredSession reloaded = a.load("u1").orElseThrow();
      assertEquals("from b", reloaded.data());
      assertEquals(List.of("m1", "m2"), reloaded.recentUpdateIds());
      assertEquals(new Committed(3), a.commit(commit("u1", 2, "from a again", "m3")));
      assertEquals("from a again", loadUncached(config, "u1").data());
      assertEquals("from b", b.load("u1").orElseThrow().data(), "b's near cache may be stale too");
    }
  }

  @Test
  void loadLatestSeesAnotherInstancesWriteAndDropsTheStaleNearCacheEntry() {
    RedisConfig config = config(true);
    try (RedisSessionStore a = RedisSessionStore.create(config);
        RedisSessionStore b = RedisSessionStore.create(config)) {
      a.commit(commit("u1", 0, "from a", "m1"));
      b.commit(commit("u1", 1, "from b", "m2"));

      assertEquals("from b", a.loadLatest("u1").orElseThrow().data());
      assertEquals("from b", a.load("u1").orElseThrow().data(), "the next load reads Redis too");
    }
  }

  @Test
  void aTimerIsClaimedByExactlyOneOfTwoInstances() throws Exception {
    RedisConfig config = config(false);
    try (RedisSessionStore a = RedisSessionStore.create(config);
        RedisSessionStore b = RedisSessionStore.create(config)) {
      Instant due = Instant.parse("2026-11-26T12:00:00Z");
      for (int i = 0; i < 200; i++) {
        a.scheduleTimer("s" + i, due.plusMillis(i));
      }
      AtomicInteger turn = new AtomicInteger();
      List<List<String>> claims = Concurrently.run(4, () -> {
        RedisSessionStore mine = turn.getAndIncrement() % 2 == 0 ? a : b;
        List<String> got = new ArrayList<>();
        for (List<String> batch = mine.claimDueTimers(due.plusSeconds(1), HOUR, 5);
            !batch.isEmpty(); batch = mine.claimDueTimers(due.plusSeconds(1), HOUR, 5)) {
          got.addAll(batch);
        }
        return got;
      });
      List<String> all = new ArrayList<>();
      claims.forEach(all::addAll);
      assertEquals(200, all.size());
      assertEquals(200, new HashSet<>(all).size(), "no timer claimed by both instances");
    }
  }

  @Test
  void scriptFlushBetweenCommitsIsRecovered() {
    try (RedisSessionStore store = RedisSessionStore.create(config(false));
        UnifiedJedis admin = REDIS.newClient()) {
      store.commit(commit("u1", 0, "one", "m1"));
      store.scheduleTimer("u1", Instant.EPOCH);
      admin.scriptFlush();

      assertEquals(new Committed(2), store.commit(commit("u1", 1, "two", "m2")));
      admin.scriptFlush();
      assertEquals(List.of("u1"), store.claimDueTimers(Instant.now(), HOUR, 10));
      assertEquals("two", store.load("u1").orElseThrow().data());
    }
  }

  @Test
  void commitSetsTheIdleTtlOnTheSessionAndItsOutbox() {
    RedisConfig config = config(false);
    try (RedisSessionStore store = RedisSessionStore.create(config);
        UnifiedJedis admin = REDIS.newClient()) {
      // Above the outbox's one-hour floor, so both keys get the session's TTL.
      store.commit(new Commit("u1", 0, "d", Optional.of(new OutboxEntry("o1", "p")), "m1",
          Duration.ofMinutes(90)));

      RedisKeys keys = new RedisKeys(config.keyPrefix());
      for (String key : List.of(keys.session("u1"), keys.outbox("u1"))) {
        long ttl = admin.pttl(key);
        assertTrue(ttl > Duration.ofMinutes(89).toMillis() && ttl <= Duration.ofMinutes(90).toMillis(),
            key + " has PTTL " + ttl);
      }
    }
  }

  // Commit accepts any positive TTL (the in-memory store caps it at 100 years). Passed to PEXPIRE as
  // is, a deadline past 2^63 ms is a script error after the session's HSET already ran (scripts do
  // not roll back): a new version without TTL and no outbox entry for recovery.
  @Test
  void aCommitWithTheLongestTtlIsStoredWholeWithItsOutboxOrNotAtAll() {
    RedisConfig config = config(false);
    RedisKeys keys = new RedisKeys(config.keyPrefix());
    OutboxEntry entry = new OutboxEntry("1-reply", "{\"calls\":[]}");
    Commit forever = new Commit("user-1", 0, "data", Optional.of(entry), "update-1",
        Duration.ofMillis(Long.MAX_VALUE));
    try (RedisSessionStore store = RedisSessionStore.create(config);
        UnifiedJedis admin = REDIS.newClient()) {
      CommitResult result;
      try {
        result = store.commit(forever);
      } catch (RuntimeException e) {
        Optional<StoredSession> left = store.load("user-1");
        throw new AssertionError("the commit failed (" + e.getMessage() + ") yet left the session "
            + "written: " + left + ", with PTTL " + admin.pttl(keys.session("user-1"))
            + " and pending outboxes " + store.pendingOutboxes(10), e);
      }
      assertInstanceOf(Committed.class, result);
      assertEquals(List.of(new PendingOutbox("user-1", entry)), store.pendingOutboxes(10));
      assertTrue(admin.pttl(keys.session("user-1")) > 0, "the session has a TTL");
    }
  }

  @Test
  void anOutboxOfAShortLivedSessionOutlivesItLongEnoughForRecovery() {
    RedisConfig config = config(false);
    RedisKeys keys = new RedisKeys(config.keyPrefix());
    Commit brief = new Commit("user-2", 0, "data", Optional.of(new OutboxEntry("1-reply", "{}")),
        "update-2", Duration.ofSeconds(5));
    try (RedisSessionStore store = RedisSessionStore.create(config);
        UnifiedJedis admin = REDIS.newClient()) {
      assertInstanceOf(Committed.class, store.commit(brief));

      long session = admin.pttl(keys.session("user-2"));
      long outbox = admin.pttl(keys.outbox("user-2"));
      assertTrue(session > 0 && session <= 5_000, "the session keeps its own TTL: " + session);
      assertTrue(outbox > 3_500_000, "the outbox lives about an hour: " + outbox);
    }
  }

  @Test
  void updateIdsWithLineBreaksAreStoredEncodedOnOneLineEachWhilePlainIdsStayAsTheyAre() {
    RedisConfig config = config(false);
    List<String> ids = List.of("mid.plain", "two\nlines", "\u0001looks encoded");
    try (RedisSessionStore store = RedisSessionStore.create(config);
        UnifiedJedis admin = REDIS.newClient()) {
      for (int i = 0; i < ids.size(); i++) {
        store.commit(commit("u1", i, "d", ids.get(i)));
      }
      assertEquals(ids, store.load("u1").orElseThrow().recentUpdateIds());
      String raw = admin.hget(new RedisKeys(config.keyPrefix()).session("u1"), "u");
      assertEquals(3, raw.split("\n").length, raw);
      assertTrue(raw.startsWith("mid.plain\n"), raw);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> store.commit(commit("u2", 0, "d", "")));
      assertEquals("updateId is empty; it must have at least one character", e.getMessage());
    }
  }

  @Test
  void sessionKeysWithBracesAndPercentsStayApart() {
    try (RedisSessionStore store = RedisSessionStore.create(config(false))) {
      Set<String> tricky = Set.of("a}", "a%7D", "{a}", "%7Ba%7D", "a", "chat:{-1}:user:7");
      for (String key : tricky) {
        store.commit(commit(key, 0, "data of " + key, "m"));
      }
      for (String key : tricky) {
        assertEquals("data of " + key, store.load(key).orElseThrow().data());
      }
    }
  }

  @Test
  void onOneNodeTheOutboxIndexEmptiesWithTheLastClear() {
    RedisConfig config = config(false);
    try (RedisSessionStore store = RedisSessionStore.create(config);
        UnifiedJedis admin = REDIS.newClient()) {
      RedisKeys keys = new RedisKeys(config.keyPrefix());
      store.commit(new Commit("u1", 0, "d", Optional.of(new OutboxEntry("o1", "p")), "m1", HOUR));
      store.commit(new Commit("u2", 0, "d", Optional.of(new OutboxEntry("o2", "p")), "m2", HOUR));
      assertEquals(2, keys.indexedOutboxes(admin));

      store.clearOutbox("u1", "o1");
      store.commit(commit("u2", 1, "d", "m3").withClearedOutboxIds(Set.of("o2")));
      assertEquals(0, keys.indexedOutboxes(admin), "no stale members left behind");
    }
  }

  @Test
  void inClusterModeAStaleIndexMemberIsDroppedOnlyAfterTheGrace() {
    RedisConfig config = config(false).newBuilder().cluster(true).build();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    try (RedisSessionStore store = RedisSessionStore.create(REDIS.newClient(), config, clock);
        UnifiedJedis admin = REDIS.newClient()) {
      String index = new RedisKeys(config.keyPrefix()).outboxIndex("u1");
      store.commit(new Commit("u1", 0, "d", Optional.of(new OutboxEntry("o1", "p")), "m1", HOUR));
      store.clearOutbox("u1", "o1");

      assertEquals(List.of(), store.pendingOutboxes(10));
      assertEquals(1, admin.zcard(index), "young members stay: a commit may follow its index write");
      clock.advance(RedisOutboxes.INDEX_GRACE.plusMillis(1));
      assertEquals(List.of(), store.pendingOutboxes(10));
      assertEquals(0, admin.zcard(index));
    }
  }

  /** A clock the test moves by hand. */
  private static final class MutableClock extends java.time.Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
