package io.ttscenes.storage.redis;

import io.ttscenes.api.store.SessionStore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A store in cluster mode (no script touches two slots) against a single node, which accepts the same commands. */
final class RedisClusterModeContractTest extends ClusterModeStoreContract {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final AtomicInteger BOTS = new AtomicInteger();

  @Override
  protected SessionStore newStore() {
    RedisConfig.Builder builder =
        RedisConfig.fromUrl(REDIS.url()).newBuilder().botName("cluster-" + BOTS.incrementAndGet());
    return RedisSessionStore.create(builder.cluster(true).build(), clock);
  }
}
