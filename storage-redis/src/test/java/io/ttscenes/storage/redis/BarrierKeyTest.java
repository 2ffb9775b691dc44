package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The scratch key a read-back barrier writes lands in its session's slot (so it goes to the master
 * the session is read from, and a demoted one redirects it) for every session key shape
 * {@link RedisKeys} makes, and is never a session key itself.
 */
final class BarrierKeyTest {
  private static final List<String> SESSIONS = List.of("u:1", "u:-7", "c:-100500", "c:42/u:9", "c:42/u:-9",
      "u:1:c:2", "scene:{odd}%key", "}{", "{", "}", "%7B", "a b\nc", "", "c:x/u:1", "юникод");

  @Test
  void theBarrierOfEverySessionKeyShapeLandsInTheSessionsSlot() {
    for (String prefix : List.of("tts:bot:", "tts:survey:", "")) {
      RedisKeys keys = new RedisKeys(prefix);
      for (String session : SESSIONS) {
        String key = keys.session(session);
        String barrier = ReplicaAcks.barrierKey(key);
        assertEquals(JedisClusterCRC16.getSlot(key), JedisClusterCRC16.getSlot(barrier),
            "session '" + session + "' as " + key + ", barrier " + barrier);
        assertTrue(barrier.startsWith(key + ":barrier"), barrier);
        for (String other : SESSIONS) {
          assertNotEquals(keys.session(other), barrier, "the barrier of '" + session + "' is session '" + other + "'");
        }
      }
    }
  }

  @Test
  void aTaggedSessionKeysBarrierIsItsKeyAndASuffix() {
    assertEquals("tts:bot:s:{c:42}/u:9:barrier", ReplicaAcks.barrierKey(new RedisKeys("tts:bot:").session("c:42/u:9")));
    assertEquals("tts:bot:s:{u:1}:barrier", ReplicaAcks.barrierKey(new RedisKeys("tts:bot:").session("u:1")));
  }
}
