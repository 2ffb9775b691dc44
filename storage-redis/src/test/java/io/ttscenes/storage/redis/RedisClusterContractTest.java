package io.ttscenes.storage.redis;

import io.ttscenes.api.store.SessionStore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole store contract on a real 3-master / 3-replica Redis Cluster, through Jedis' cluster client. */
final class RedisClusterContractTest extends ClusterModeStoreContract {
  @RegisterExtension static final RedisClusterExtension CLUSTER = RedisClusterExtension.shared();
  private static final AtomicInteger BOTS = new AtomicInteger();
  // Apart from other runs on a shared external cluster, which is never flushed.
  private static final String RUN = Long.toString(System.nanoTime(), 36);

  @Override
  protected SessionStore newStore() {
    RedisConfig config = RedisConfig.fromClusterNodes(CLUSTER.nodesVariable()).newBuilder()
        .botName("contract-" + RUN + "-" + BOTS.incrementAndGet()).build();
    return RedisSessionStore.create(config, clock);
  }
}
