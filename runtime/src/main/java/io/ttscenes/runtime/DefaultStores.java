package io.ttscenes.runtime;

import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.SessionStoreProvider;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.net.URI;
import java.util.ServiceLoader;

/**
 * The store a runtime uses when it is given none: in memory without {@code REDIS_URL}, otherwise
 * the one a {@link SessionStoreProvider} on the classpath opens for that URL (storage-redis
 * registers one), so configuration alone picks the store.
 */
final class DefaultStores {
  private DefaultStores() {}

  /**
   * Opens the store {@code config} asks for, keyed for {@code botName}.
   *
   * @throws IllegalStateException when a store URL is set but no provider on the classpath takes it
   */
  static SessionStore open(RuntimeConfig config, String botName) {
    if (config.redisUrl().isEmpty()) {
      return InMemorySessionStore.create();
    }
    URI url = config.redisUrl().get();
    if (config.redisUnsafeOk()) {
      // The provider SPI takes a URL only; the allowance travels as a parameter it understands.
      String query = url.getRawQuery() == null ? "unsafe_ok=true" : url.getRawQuery() + "&unsafe_ok=true";
      url = URI.create(url.toString().replaceFirst("(\\?.*)?(#.*)?$", "?" + query));
    }
    for (SessionStoreProvider provider : ServiceLoader.load(SessionStoreProvider.class)) {
      if (provider.supports(url)) {
        return provider.open(url, botName);
      }
    }
    String variable = url.getScheme().endsWith("-cluster") ? "REDIS_CLUSTER_NODES" : "REDIS_URL";
    throw new IllegalStateException(variable + " is set, but no store for " + url.getScheme()
        + ":// is on the classpath: add the module io.ttscenes:storage-redis (found automatically "
        + "through ServiceLoader), or give the runtime a SessionStore");
  }
}
