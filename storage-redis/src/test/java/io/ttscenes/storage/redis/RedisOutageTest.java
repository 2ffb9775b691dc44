package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult.Committed;
import io.ttscenes.api.store.OutboxEntry;
import io.ttscenes.api.store.PendingOutbox;
import io.ttscenes.api.store.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis dies mid-run and comes back: clear errors meanwhile, then the same store goes on. */
final class RedisOutageTest {
  // Always its own binary, even with REDIS_URL set: this test kills and restarts the server.
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.ownBinary();

  private static Commit commit(long expected, String data, String updateId) {
    return new Commit("u1", expected, data, Optional.empty(), updateId, Duration.ofHours(1));
  }

  @Test
  void storeFailsClearlyWhileRedisIsDownAndWorksAgainAfterwards() {
    RedisConfig config = RedisConfig.fromUrl(REDIS.url()).newBuilder()
        .connectTimeout(Duration.ofMillis(500)).socketTimeout(Duration.ofMillis(500)).build();
    try (RedisSessionStore store = RedisSessionStore.create(config)) {
      store.commit(commit(0, "one", "m1"));
      store.commit(new Commit("u1", 1, "two", Optional.of(new OutboxEntry("o2", "send")), "m2",
          Duration.ofHours(1)));

      REDIS.stop();
      StoreUnavailableException down =
          assertThrows(StoreUnavailableException.class, () -> store.commit(commit(2, "three", "m3")));
      assertTrue(down.getMessage().startsWith(
          "redis at redis://127.0.0.1:" + REDIS.port() + "/0: committing session 'u1' failed"),
          down.getMessage());
      System.out.println("redis outage: " + down.getMessage());
      StoreUnavailableException loadDown =
          assertThrows(StoreUnavailableException.class, () -> store.load("u1"));
      assertTrue(loadDown.getMessage().contains("loading session 'u1' failed"), loadDown.getMessage());

      REDIS.restart();
      assertEquals("two", store.load("u1").orElseThrow().data(), "committed data survived");
      assertEquals(List.of("m1", "m2"), store.load("u1").orElseThrow().recentUpdateIds());
      assertEquals(List.of(new PendingOutbox("u1", new OutboxEntry("o2", "send"))),
          store.pendingOutboxes(10));
      assertEquals(new Committed(3), store.commit(commit(2, "three", "m3")));
    }
  }
}
