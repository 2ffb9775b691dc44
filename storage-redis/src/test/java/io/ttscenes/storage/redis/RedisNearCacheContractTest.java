package io.ttscenes.storage.redis;

import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.SessionStoreContract;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A store with the near cache on: cached loads must never hide a conflict or an expiry. */
final class RedisNearCacheContractTest extends SessionStoreContract {
  private final ShiftedClock clock = new ShiftedClock();
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final AtomicInteger BOTS = new AtomicInteger();

  @Override
  protected SessionStore newStore() {
    RedisConfig.Builder builder =
        RedisConfig.fromUrl(REDIS.url()).newBuilder().botName("near-" + BOTS.incrementAndGet());
    return RedisSessionStore.create(builder.nearCache(true).build(), clock);
  }

  @Override
  protected Duration expiryTtl() {
    return Duration.ofSeconds(1);
  }

  @Override
  protected void passTime(Duration elapsed) {
    // Redis expires keys on its own clock (the contract polls until the session is gone); the
    // store's own time (the dedupe window) moves on.
    clock.advance(elapsed);
  }
}
