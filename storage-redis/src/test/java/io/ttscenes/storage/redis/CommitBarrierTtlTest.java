package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The barrier a commit writes before its replica wait leaves the session key alone: when another
 * instance commits the same session between a commit's script and its barrier, the session keeps
 * the later commit's TTL. And it leaves no key behind: Redis reclaims expired keys by sampling,
 * so a scratch key per commit, left to its 1 s expiry, stays far longer on a master with many
 * sessions (100,000 long-lived keys and 1,000 such keys a second: some 20,000 expired ones held).
 */
final class CommitBarrierTtlTest {
  @RegisterExtension static final RedisClusterExtension CLUSTER = RedisClusterExtension.shared();
  private static final Duration LONG_TTL = Duration.ofHours(1);
  private static final Duration SHORT_TTL = Duration.ofMinutes(1);

  @Test
  void anEarlierCommitsBarrierLeavesTheLaterCommitsTtlOnTheSession() {
    RedisConfig config = RedisConfig.fromClusterNodes(CLUSTER.nodesVariable()).newBuilder()
        .botName("barrier-ttl").build();
    String key = "u:barrier-ttl-" + System.nanoTime();
    AtomicReference<Runnable> beforeBarrier = new AtomicReference<>();
    AtomicReference<CommitResult> later = new AtomicReference<>();
    try (RedisSessionStore other = RedisSessionStore.create(config);
        RedisSessionStore first = RedisSessionStore.create(new BarrierSeam(config, beforeBarrier), config);
        UnifiedJedis admin = RedisClients.cluster(config)) {
      // The other instance's commit runs after the first's script won, before the first's barrier
      // (the replica wait takes its connection to the slot's master through getConnectionFromSlot).
      beforeBarrier.set(() -> later.set(other.commit(
          new Commit(key, 1, "later", Optional.empty(), key + "#2", SHORT_TTL))));
      assertInstanceOf(CommitResult.Committed.class,
          first.commit(new Commit(key, 0, "earlier", Optional.empty(), key + "#1", LONG_TTL)), "the earlier commit");
      assertNotNull(later.get(), "the later commit ran before the earlier commit's barrier");
      assertInstanceOf(CommitResult.Committed.class, later.get(), "the later commit");
      long pttl = admin.pttl(new RedisKeys(config.keyPrefix()).session(key));
      assertTrue(pttl > 0 && pttl <= SHORT_TTL.toMillis(), "the session's TTL is " + pttl
          + " ms after the later commit set " + SHORT_TTL.toMillis() + " ms: the earlier commit's barrier, which ran"
          + " after it, set its own " + LONG_TTL.toMillis() + " ms");
    }
  }

  @Test
  void aCommitsBarrierLeavesNoScratchKeyBehind() {
    RedisConfig config = RedisConfig.fromClusterNodes(CLUSTER.nodesVariable()).newBuilder()
        .botName("barrier-left").build();
    String key = "u:barrier-left-" + System.nanoTime();
    String session = new RedisKeys(config.keyPrefix()).session(key);
    HostAndPort master = CLUSTER.local().masterOf(JedisClusterCRC16.getSlot(session)).address();
    try (RedisSessionStore store = RedisSessionStore.create(config);
        Jedis node = new Jedis(master, DefaultJedisClientConfig.builder().build())) {
      long barriers = calls(node, "set");
      assertInstanceOf(CommitResult.Committed.class,
          store.commit(new Commit(key, 0, "v1", Optional.empty(), key + "#1", LONG_TTL)));
      assertTrue(calls(node, "set") > barriers, "the commit's barrier ran on the session's master");
      assertFalse(node.exists(ReplicaAcks.barrierKey(session)),
          "the commit's barrier key is still there after the commit returned");
    }
  }

  /** Calls of {@code command} {@code node} ran, from its commandstats. */
  private static long calls(Jedis node, String command) {
    return node.info("commandstats").lines().filter(line -> line.startsWith("cmdstat_" + command + ":"))
        .mapToLong(line -> Long.parseLong(line.substring(line.indexOf("calls=") + 6, line.indexOf(','))))
        .sum();
  }

  /** Jedis' cluster client that runs a hook once, before the next connection taken to a slot's master. */
  private static final class BarrierSeam extends JedisCluster {
    private final AtomicReference<Runnable> hook;

    BarrierSeam(RedisConfig config, AtomicReference<Runnable> hook) {
      super(seeds(config), DefaultJedisClientConfig.builder().build());
      this.hook = hook;
    }

    @Override
    public Connection getConnectionFromSlot(int slot) {
      Runnable once = hook.getAndSet(null);
      if (once != null) {
        once.run();
      }
      return super.getConnectionFromSlot(slot);
    }

    private static Set<HostAndPort> seeds(RedisConfig config) {
      Set<HostAndPort> seeds = new LinkedHashSet<>();
      config.clusterNodes().forEach(n -> seeds.add(new HostAndPort(n.getHostString(), n.getPort())));
      return seeds;
    }
  }
}
