package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.util.JedisClusterCRC16;

/** The fixture itself: a healthy cluster of three masters, each with a replica, spreading keys over them. */
final class RedisClusterExtensionTest {
  @RegisterExtension static final RedisClusterExtension CLUSTER = RedisClusterExtension.shared();

  @Test
  void threeMastersEachWithOneReplicaServeEverySlot() {
    try (RedisClusterClient client = CLUSTER.newClient()) {
      int masters = 0;
      int replicas = 0;
      for (Map.Entry<String, ConnectionPool> node : client.getClusterNodes().entrySet()) {
        try (Jedis jedis = new Jedis(node.getValue().getResource())) {
          String info = jedis.clusterInfo();
          assertTrue(info.contains("cluster_state:ok"), node.getKey() + ": " + info);
          assertTrue(info.contains("cluster_slots_assigned:16384"), node.getKey() + ": " + info);
          String role = jedis.info("replication");
          masters += role.contains("role:master") ? 1 : 0;
          replicas += role.contains("role:slave") ? 1 : 0;
        }
      }
      assertEquals(3, masters, "masters");
      assertEquals(3, replicas, "replicas");
    }
  }

  @Test
  void keysOfDifferentSlotsLandOnDifferentMasters() {
    Set<String> servers = new HashSet<>();
    try (RedisClusterClient client = CLUSTER.newClient()) {
      for (int i = 0; i < 64; i++) {
        String key = "fixture:probe:" + i;
        client.set(key, "v" + i);
        assertEquals("v" + i, client.get(key));
        try (Jedis jedis = new Jedis(client.getConnectionFromSlot(JedisClusterCRC16.getSlot(key)))) {
          servers.add(jedis.clusterMyId());
        }
        client.del(key);
      }
    }
    assertEquals(3, servers.size(), "64 keys over 3 masters: " + servers);
  }
}
