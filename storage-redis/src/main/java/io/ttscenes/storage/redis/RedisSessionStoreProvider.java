package io.ttscenes.storage.redis;

import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.SessionStoreProvider;
import java.net.URI;

/**
 * Opens a {@link RedisSessionStore} for {@code redis://} and {@code rediss://} URLs (and for
 * {@code redis-cluster://host:port,...}, which the runtime makes of {@code REDIS_CLUSTER_NODES}), with the key
 * prefix of the bot and the near cache on (a stale cached read only costs a conflict and a
 * re-run), and checks the server's settings at once ({@link RedisSessionStore#checkServer()}: the
 * one piece of I/O here, so an unsafe server stops the bot at start). The query parameter
 * {@code unsafe_ok=true} (which {@code TTSCENES_REDIS_UNSAFE_OK=true} adds) lets it through with a
 * warning. Found by {@link java.util.ServiceLoader}, so {@code REDIS_URL} works with
 * {@code BotRuntime.create} as soon as storage-redis is on the classpath.
 */
public final class RedisSessionStoreProvider implements SessionStoreProvider {

  /** {@inheritDoc} Takes {@code redis}, {@code rediss} and the cluster forms {@code redis-cluster}, {@code rediss-cluster}. */
  @Override
  public boolean supports(URI url) {
    return "redis".equals(url.getScheme()) || "rediss".equals(url.getScheme())
        || ClusterNodes.isClusterUrl(url);
  }

  @Override
  public SessionStore open(URI url, String botName) {
    RedisConfig config = RedisConfig.fromUrl(url.toString()).newBuilder()
        .botName(botName).nearCache(true).build();
    RedisSessionStore store = RedisSessionStore.create(config);
    try {
      return store.checkServer();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }
}
