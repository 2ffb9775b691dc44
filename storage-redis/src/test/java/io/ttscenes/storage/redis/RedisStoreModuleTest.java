package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult.Committed;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoreUnavailableException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class RedisStoreModuleTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();

  @Test
  void injectorProvidesOneWorkingRedisStore() {
    // The shared test Redis runs without persistence.
    RedisConfig config = RedisConfig.fromUrl(REDIS.url()).newBuilder().botName("guice")
        .allowUnsafeServer(true).build();
    Injector injector = Guice.createInjector(new RedisStoreModule(config));
    SessionStore store = injector.getInstance(SessionStore.class);
    try {
      assertInstanceOf(RedisSessionStore.class, store);
      assertSame(store, injector.getInstance(SessionStore.class));
      assertEquals(new Committed(1), store.commit(
          new Commit("u1", 0, "d", Optional.empty(), "m1", Duration.ofMinutes(5))));
    } finally {
      store.close();
    }
  }

  @Test
  void buildingTheInjectorTouchesNoServerAndTheFirstInjectionChecksIt() {
    // Nothing listens on port 1: building the injector must not notice, providing the store must.
    RedisConfig config = RedisConfig.fromUrl("redis://127.0.0.1:1").newBuilder()
        .connectTimeout(Duration.ofMillis(200)).build();
    Injector injector = Guice.createInjector(new RedisStoreModule(config));

    com.google.inject.ProvisionException e = assertThrows(com.google.inject.ProvisionException.class,
        () -> injector.getInstance(SessionStore.class));
    StoreUnavailableException cause = assertInstanceOf(StoreUnavailableException.class, e.getCause());
    org.junit.jupiter.api.Assertions.assertTrue(
        cause.getMessage().startsWith("redis at redis://127.0.0.1:1/0: checking its settings failed"),
        cause.getMessage());
  }

}
