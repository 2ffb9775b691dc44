package io.ttscenes.storage.redis;

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
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.UnifiedJedis;

/**
 * The barrier a commit writes before its replica wait leaves the session key alone: when another
 * instance commits the same session between a commit's script and its barrier, the session keeps
 * the later commit's TTL.
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
