package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.CommitResult.Committed;
import io.ttscenes.api.store.CommitResult.Conflict;
import io.ttscenes.api.store.OutboxEntry;
import io.ttscenes.api.store.SessionRead;
import io.ttscenes.api.store.StoredSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis store's side of the speculative first turn, on a Redis of its own so the commands
 * counted are this test's: a session the near cache does not hold is guessed new at no cost, and
 * a commit refused on that guess returns the session, which the near cache then keeps for no
 * longer than Redis does.
 */
final class SpeculativeCommitRedisTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.ownBinary();
  private static final AtomicInteger BOTS = new AtomicInteger();

  private static RedisConfig config(boolean nearCache, boolean cluster) {
    return RedisConfig.fromUrl(REDIS.url()).newBuilder().botName("spec-" + BOTS.incrementAndGet())
        .nearCache(nearCache).cluster(cluster).build();
  }

  private static Commit commit(String key, long expected, String data, String updateId, Duration ttl) {
    return new Commit(key, expected, data, Optional.of(new OutboxEntry("o-" + updateId, "reply")), updateId, ttl);
  }

  @Test
  void aNewSessionCostsOneCommandAndAReturningOneAfterARestartTwo() {
    RedisConfig config = config(true, false);
    try (RedisSessionStore first = RedisSessionStore.create(config); UnifiedJedis admin = REDIS.newClient()) {
      Map<String, Long> before = calls(admin);
      SessionRead guess = first.loadOrGuess("u1");
      assertEquals(SessionRead.guessedAbsent(), guess);
      assertEquals(new Committed(1), first.commit(commit("u1", 0, "one", "m1", Duration.ofHours(1))));
      assertEquals(1, first.loadOrGuess("u1").session().orElseThrow().version(), "a near-cache hit");
      assertEquals(Map.of("evalsha", 1L), spent(before, calls(admin)));
    }
    try (RedisSessionStore restarted = RedisSessionStore.create(config); UnifiedJedis admin = REDIS.newClient()) {
      Map<String, Long> before = calls(admin);
      assertTrue(restarted.loadOrGuess("u1").guessed(), "an empty near cache guesses");
      CommitResult refused = restarted.commit(commit("u1", 0, "guessed", "m2", Duration.ofHours(1)));
      StoredSession carried = assertInstanceOf(Conflict.class, refused).current().orElseThrow();
      assertEquals(new StoredSession(1, "one", List.of("m1")), carried);
      assertEquals(SessionRead.loaded(Optional.of(carried)), restarted.loadOrGuess("u1"), "kept by the near cache");
      assertEquals(new Committed(2), restarted.commit(commit("u1", 1, "two", "m2", Duration.ofHours(1))));
      assertEquals(Map.of("evalsha", 2L), spent(before, calls(admin)), "no HGETALL: the refusal carried the session");
    }
  }

  @Test
  void withoutTheNearCacheEveryLoadIsReadAndNothingIsGuessed() {
    try (RedisSessionStore store = RedisSessionStore.create(config(false, false))) {
      assertEquals(SessionRead.loaded(Optional.empty()), store.loadOrGuess("u1"));
      store.commit(commit("u1", 0, "one", "m1", Duration.ofHours(1)));
      assertEquals(1, store.loadOrGuess("u1").session().orElseThrow().version());
    }
  }

  @Test
  void theNearCacheTakesTheRefusedSessionOnlyWhenItIsNewerThanItsOwn() {
    RedisConfig config = config(true, false);
    try (RedisSessionStore a = RedisSessionStore.create(config); RedisSessionStore b = RedisSessionStore.create(config)) {
      a.commit(commit("u1", 0, "a1", "m1", Duration.ofHours(1)));
      b.commit(commit("u1", 1, "b2", "m2", Duration.ofHours(1)));
      assertEquals(1, a.loadOrGuess("u1").session().orElseThrow().version(), "a's cache is stale");

      assertEquals(2, ((Conflict) a.commit(commit("u1", 1, "a-lost", "m3", Duration.ofHours(1)))).currentVersion());

      assertEquals(new StoredSession(2, "b2", List.of("m1", "m2")), a.loadOrGuess("u1").session().orElseThrow());
      assertEquals(new Committed(3), a.commit(commit("u1", 2, "a3", "m3", Duration.ofHours(1))));
    }
  }

  @Test
  void aRefusedSessionLeavesTheNearCacheWhenItExpiresInRedis() {
    RedisConfig config = config(true, false);
    try (RedisSessionStore writer = RedisSessionStore.create(config);
        RedisSessionStore guesser = RedisSessionStore.create(config);
        UnifiedJedis admin = REDIS.newClient()) {
      writer.commit(commit("u1", 0, "short", "m1", Duration.ofMillis(700)));
      assertInstanceOf(Conflict.class, guesser.commit(commit("u1", 0, "guessed", "m2", Duration.ofHours(1))));
      assertFalse(guesser.loadOrGuess("u1").guessed(), "cached from the refusal");

      String session = new RedisKeys(config.keyPrefix()).session("u1");
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (admin.exists(session)) {
        assertTrue(System.nanoTime() < deadline, "the session did not expire in Redis");
        LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
      }
      // The near cache kept it for the session's remaining TTL at most, not its own 10 s.
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      assertEquals(SessionRead.guessedAbsent(), guesser.loadOrGuess("u1"));
      assertEquals(new Committed(1), guesser.commit(commit("u1", 0, "fresh", "m2", Duration.ofHours(1))));
    }
  }

  @Test
  void inClusterModeARefusalCarriesTheSessionAndWritesNothing() {
    RedisConfig config = config(true, true);
    try (RedisSessionStore store = RedisSessionStore.create(config); RedisSessionStore other = RedisSessionStore.create(config)) {
      store.commit(commit("c:-5/u:1", 0, "one", "m1", Duration.ofHours(1)));

      CommitResult refused = other.commit(commit("c:-5/u:1", 0, "guessed", "m2", Duration.ofHours(1)));

      assertEquals(new Conflict(1, Optional.of(new StoredSession(1, "one", List.of("m1")))), refused);
      assertEquals(List.of("o-m1"), store.pendingOutboxes(10).stream().map(p -> p.entry().id()).toList());
    }
  }

  private static Map<String, Long> calls(UnifiedJedis admin) {
    Map<String, Long> calls = new TreeMap<>();
    for (String line : admin.info("commandstats").split("\r?\n")) {
      if (line.startsWith("cmdstat_")) {
        String name = line.substring("cmdstat_".length(), line.indexOf(':'));
        calls.put(name, Long.parseLong(line.substring(line.indexOf("calls=") + 6, line.indexOf(','))));
      }
    }
    return calls;
  }

  /**
   * The session commands a client sent between two snapshots: reads and commits (a script's own
   * commands are counted under their names, and the one-time SCRIPT LOAD is left out).
   */
  private static Map<String, Long> spent(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> spent = new TreeMap<>();
    for (String name : List.of("hgetall", "evalsha", "eval")) {
      long n = after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L);
      if (n > 0) {
        spent.put(name, n);
      }
    }
    return spent;
  }
}
