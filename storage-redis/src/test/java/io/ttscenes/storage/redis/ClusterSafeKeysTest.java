package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.OutboxEntry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.JedisClusterCRC16;

/** Every key a session's load and commit touch lies in one hash slot, whatever the session key. */
final class ClusterSafeKeysTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();

  private static final List<String> SESSION_KEYS = List.of(
      "user:42", "chat:-100:user:7", "a}b", "{x}", "}{", "%7B", "constructor:s-1", "привет");

  @Test
  void keysOfOneSessionShareTheSlotOfItsEscapedKey() {
    RedisKeys keys = new RedisKeys("tts:faq:");
    for (String key : SESSION_KEYS) {
      int slot = JedisClusterCRC16.getSlot(RedisKeys.escape(key));
      assertEquals(slot, JedisClusterCRC16.getSlot(keys.session(key)), key);
      assertEquals(slot, JedisClusterCRC16.getSlot(keys.outbox(key)), key);
    }
  }

  @Test
  void aClusterModeCommitWritesOnlyKeysOfTheSessionSlot() {
    RedisConfig config = RedisConfig.fromUrl(REDIS.url()).newBuilder()
        .keyPrefix("cluster-slots:").cluster(true).build();
    try (RedisSessionStore store = RedisSessionStore.create(config);
        UnifiedJedis admin = REDIS.newClient()) {
      for (String key : SESSION_KEYS) {
        store.commit(new Commit(key, 0, "d", Optional.of(new OutboxEntry("o", "p")), "m",
            Duration.ofHours(1)));
        Set<String> written = scan(admin, "cluster-slots:*");
        // The index shard (bot-wide, written by its own command) is the one key of another slot.
        written.removeIf(k -> k.startsWith("cluster-slots:outboxes"));
        Set<Integer> slots = new HashSet<>();
        written.forEach(k -> slots.add(JedisClusterCRC16.getSlot(k)));
        assertEquals(Set.of(JedisClusterCRC16.getSlot(RedisKeys.escape(key))), slots,
            "keys of " + key + ": " + written);
        written.forEach(admin::del);
      }
    }
  }

  private static Set<String> scan(UnifiedJedis jedis, String pattern) {
    Set<String> found = new HashSet<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(pattern).count(100));
      found.addAll(page.getResult());
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return found;
  }
}
