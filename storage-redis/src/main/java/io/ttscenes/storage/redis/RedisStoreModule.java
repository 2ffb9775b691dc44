package io.ttscenes.storage.redis;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.ttscenes.api.store.SessionStore;
import jakarta.inject.Singleton;
import java.util.Objects;

/**
 * Binds {@link SessionStore} to a {@link RedisSessionStore} for one {@link RedisConfig}. Does no
 * I/O in {@code configure()}; the store is created when first injected and then checks the
 * server's settings ({@link RedisSessionStore#checkServer()}), so an unsafe server fails the
 * injector. The application closes the store on shutdown.
 */
public final class RedisStoreModule extends AbstractModule {
  private final RedisConfig config;

  /** A module for the Redis that {@code config} describes. */
  public RedisStoreModule(RedisConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  protected void configure() {
    bind(RedisConfig.class).toInstance(config);
  }

  @Provides
  @Singleton
  SessionStore sessionStore(RedisConfig redisConfig) {
    return RedisSessionStore.create(redisConfig).checkServer();
  }
}
