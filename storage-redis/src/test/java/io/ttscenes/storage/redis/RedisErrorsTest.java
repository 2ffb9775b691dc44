package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult.Committed;
import io.ttscenes.api.store.StoreRejectedException;
import io.ttscenes.api.store.StoreUnavailableException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

/**
 * Redis errors are told apart: what waiting fixes (a node demoted by a failover) is "unavailable"
 * and works again on the same store, what it cannot fix (OOM, WRONGTYPE, a script error) is
 * "rejected" at once instead of being retried forever.
 */
final class RedisErrorsTest {
  // Its own server: the tests demote it to a replica and cap its memory.
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.ownBinary();
  private final UnifiedJedis admin = REDIS.newClient();

  @AfterEach
  void restore() {
    admin.sendCommand(redis.clients.jedis.Protocol.Command.REPLICAOF, "NO", "ONE");
    admin.configSet("maxmemory", "0");
    admin.flushAll();
    admin.close();
  }

  private static Commit commit(String key, long expected, String data, String updateId) {
    return new Commit(key, expected, data, Optional.empty(), updateId, Duration.ofHours(1));
  }

  private RedisSessionStore store() {
    return RedisSessionStore.create(RedisConfig.fromUrl(REDIS.url()).newBuilder().botName("errors").build());
  }

  @Test
  void aFailedOverNodeIsUnavailableAndTheSameStoreCommitsOnceItIsWritableAgain() {
    try (RedisSessionStore store = store()) {
      store.commit(commit("u1", 0, "one", "m1"));
      // A failover demotes the node behind the address: writes answer READONLY.
      admin.sendCommand(redis.clients.jedis.Protocol.Command.REPLICAOF, "127.0.0.1", "1");

      StoreUnavailableException demoted = assertThrows(StoreUnavailableException.class,
          () -> store.commit(commit("u1", 1, "two", "m2")));
      assertTrue(demoted.getMessage().contains("READONLY"), demoted.getMessage());

      admin.sendCommand(redis.clients.jedis.Protocol.Command.REPLICAOF, "NO", "ONE");
      assertEquals(new Committed(2), store.commit(commit("u1", 1, "two", "m2")));
    }
  }

  @Test
  void outOfMemoryIsRejectedNotRetried() {
    try (RedisSessionStore store = store()) {
      admin.configSet("maxmemory-policy", "noeviction");
      admin.configSet("maxmemory", "1");

      StoreRejectedException full = assertThrows(StoreRejectedException.class,
          () -> store.commit(commit("u1", 0, "one", "m1")));
      assertTrue(full.getMessage().contains("OOM") && full.getMessage().contains("not retried"), full.getMessage());
    }
  }

  @Test
  void aKeyOfTheWrongTypeIsRejectedWhenLoadedAndCommitted() {
    try (RedisSessionStore store = store()) {
      admin.set("tts:errors:s:{u1}", "not a hash");

      StoreRejectedException load = assertThrows(StoreRejectedException.class, () -> store.load("u1"));
      StoreRejectedException commit = assertThrows(StoreRejectedException.class,
          () -> store.commit(commit("u1", 0, "one", "m1")));
      assertTrue(load.getMessage().contains("WRONGTYPE"), load.getMessage());
      assertTrue(commit.getMessage().contains("committing session 'u1' failed"), commit.getMessage());
    }
  }
}
