package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.store.ChatKeys;
import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.StoreUnavailableException;
import io.ttscenes.api.store.StoredSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * A read in a slot where a commit was left unconfirmed first has a replica confirm everything the
 * slot's master holds: with a barrier that is always a replicated write, also for a session that
 * does not exist (a chat's members share its slot), and after every failure that follows a
 * commit's winning script (the timer's call, in another slot, included).
 */
final class ReadBackBarrierTest {
  @RegisterExtension static final RedisClusterExtension CLUSTER = RedisClusterExtension.own();
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  // Commands a replica runs that are not writes its master sent it.
  private static final List<String> NOT_WRITES = List.of("ping", "replconf", "info", "cluster", "role",
      "readonly", "select", "command", "client", "hello", "config");

  @Test
  void aReadOfAnAbsentSessionInASlotLeftUnconfirmedSendsTheReplicaAWrite() {
    String bot = "absent-barrier";
    String written = ChatKeys.member(42, 1);
    String absent = ChatKeys.member(42, 2);
    int slot = slotOf(bot, written);
    assertEquals(slot, slotOf(bot, absent), "a chat's members share its slot");
    ClusterNode master = CLUSTER.local().masterOf(slot);
    ClusterNode replica = CLUSTER.local().replicaOf(master);
    try (RedisSessionStore store = RedisSessionStore.create(config(bot).build())) {
      assertInstanceOf(CommitResult.Committed.class, commit(store, written, 0, Optional.empty()), "with the replica in sync");
      replica.freeze();
      try {
        commit(store, written, 1, Optional.empty());
        throw new AssertionError("a commit no replica can have was acknowledged");
      } catch (StoreUnavailableException unconfirmed) {
        assertTrue(unconfirmed.getMessage().contains("not confirmed by a replica"), unconfirmed.getMessage());
      } finally {
        replica.thaw();
      }
      awaitTrue(() -> replicaOffset(replica) == masterOffset(master), "the replica catching up");
      long before = writesApplied(replica);
      assertEquals(Optional.empty(), store.loadLatest(absent), "the other member has no session");
      long after = writesApplied(replica);
      assertTrue(after > before, "the read of an absent session in the slot of an unconfirmed commit sent the "
          + "replica no write (" + before + " writes applied before, " + after + " after): its WAIT confirms "
          + "nothing on a Redis whose WAIT covers only the connection's own writes");
      assertEquals(2L, store.loadLatest(written).map(StoredSession::version).orElse(0L), "the confirmed commit read back");
    }
  }

  @Test
  void aCommitWhoseTimerCallFailedAfterItWonIsNotReadBackWhileNoReplicaHasIt() {
    String bot = "timer-failed";
    RedisKeys keys = new RedisKeys(config(bot).build().keyPrefix());
    String key = null;
    ClusterNode master = null;
    ClusterNode timerMaster = null;
    for (int i = 0; key == null; i++) {
      String candidate = "timer-failed-" + i;
      ClusterNode sessions = CLUSTER.local().masterOf(JedisClusterCRC16.getSlot(keys.session(candidate)));
      ClusterNode timers = CLUSTER.local().masterOf(JedisClusterCRC16.getSlot(keys.timers(candidate)));
      if (!sessions.address().equals(timers.address()) && hasReplica(sessions)) {
        key = candidate;
        master = sessions;
        timerMaster = timers;
      }
    }
    ClusterNode replica = CLUSTER.local().replicaOf(master);
    Instant wake = Instant.now().plus(Duration.ofHours(1));
    try (RedisSessionStore setUp = RedisSessionStore.create(config(bot).build());
        // Short timeouts: the timer's call gives up (10 attempts of 100 ms) well before the
        // cluster's node timeout (1.5 s) would fail over its stopped master.
        RedisSessionStore store = RedisSessionStore.create(config(bot).socketTimeout(Duration.ofMillis(100)).build())) {
      assertInstanceOf(CommitResult.Committed.class, commit(setUp, key, 0, Optional.of(wake)), "with a timer set");
      String failure;
      long readBack = 0;
      replica.freeze();
      timerMaster.freeze();
      try {
        // The commit drops the wake: its script wins on the session's master, then removing the
        // timer fails on the stopped master of the timer's slot. No replica has the commit.
        try {
          commit(store, key, 1, Optional.empty());
          throw new AssertionError("a commit whose timer could not be removed was acknowledged");
        } catch (StoreUnavailableException timerFailed) {
          failure = timerFailed.getMessage();
        }
        try {
          readBack = store.loadLatest(key).map(StoredSession::version).orElse(0L);
        } catch (StoreUnavailableException unconfirmed) {
          assertTrue(unconfirmed.getMessage().contains("not confirmed by a replica"), unconfirmed.getMessage());
        }
      } finally {
        timerMaster.thaw();
        replica.thaw();
      }
      assertTrue(failure.contains("timer"), "the commit failed in its timer's call: " + failure);
      assertNotEquals(2L, readBack, "the read back showed version 2, which no replica had (the commit failed "
          + "after its script won: " + failure + "); the engine would send its reply, and a failover lose it");
      assertEquals(2L, awaitRead(store, key), "the commit read back once the replica has it");
    }
  }

  private static boolean hasReplica(ClusterNode master) {
    try {
      CLUSTER.local().replicaOf(master);
      return true;
    } catch (IllegalStateException none) {
      return false;
    }
  }

  private static int slotOf(String bot, String session) {
    return JedisClusterCRC16.getSlot(new RedisKeys(config(bot).build().keyPrefix()).session(session));
  }

  private static RedisConfig.Builder config(String bot) {
    return RedisConfig.fromClusterNodes(CLUSTER.nodesVariable()).newBuilder().botName(bot);
  }

  private static CommitResult commit(RedisSessionStore store, String key, long version, Optional<Instant> wake) {
    return store.commit(new Commit(key, version, "v" + (version + 1), Optional.empty(), key + "#" + (version + 1),
        Duration.ofHours(1), java.util.Set.of(), wake));
  }

  /** Calls of every command the replica ran but those that are no write of its master's (INFO, PING...). */
  private static long writesApplied(ClusterNode replica) {
    long sum = 0;
    try (Jedis jedis = connect(replica)) {
      for (String line : jedis.info("commandstats").lines().toList()) {
        int calls = line.indexOf("calls=");
        if (line.startsWith("cmdstat_") && calls > 0
            && NOT_WRITES.stream().noneMatch(c -> line.startsWith("cmdstat_" + c + ":") || line.startsWith("cmdstat_" + c + "|"))) {
          sum += Long.parseLong(line.substring(calls + 6, line.indexOf(",", calls)));
        }
      }
    }
    return sum;
  }

  private static long masterOffset(ClusterNode master) {
    return field(master, "master_repl_offset:");
  }

  private static long replicaOffset(ClusterNode replica) {
    return field(replica, "slave_repl_offset:");
  }

  private static long field(ClusterNode node, String name) {
    try (Jedis jedis = connect(node)) {
      return jedis.info("replication").lines().filter(line -> line.startsWith(name))
          .mapToLong(line -> Long.parseLong(line.substring(name.length()).trim())).findFirst().orElse(-1);
    }
  }

  private static Jedis connect(ClusterNode node) {
    return new Jedis(node.address(), DefaultJedisClientConfig.builder().build());
  }

  private static long awaitRead(RedisSessionStore store, String key) {
    return ClusterWaits.awaitRead(store, key, PATIENCE);
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
    ClusterWaits.awaitTrue(condition, what, PATIENCE);
  }
}
