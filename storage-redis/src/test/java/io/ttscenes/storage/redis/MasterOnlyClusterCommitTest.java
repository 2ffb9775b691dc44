package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;

/**
 * A cluster of three masters and no replica: no commit can be confirmed by a replica, so none
 * waits for one ({@code WAIT} would only run into its timeout, socket timeout / 4); the masters'
 * {@code ROLE} says so up front, for every master, the first commit on each included.
 */
final class MasterOnlyClusterCommitTest {
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration REPLICA_WAIT = SOCKET_TIMEOUT.dividedBy(4);
  private static LocalRedisCluster cluster;

  @BeforeAll
  static void startMastersOnly() {
    cluster = LocalRedisCluster.start(Duration.ofSeconds(5), 0);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void noCommitOnAMasterWithoutReplicaWaitsForOne() {
    String nodes = cluster.seeds().stream().map(HostAndPort::toString).collect(Collectors.joining(","));
    RedisConfig config = RedisConfig.fromClusterNodes(nodes).newBuilder()
        .botName("masters-only").socketTimeout(SOCKET_TIMEOUT).build();
    Set<String> masters = new HashSet<>();
    try (RedisSessionStore store = RedisSessionStore.create(config)) {
      for (int i = 0; i < 30; i++) {
        String key = "s" + i;
        masters.add(cluster.masterOf(RedisClusterFailoverTest.slotOf(key)).address().toString());
        long start = System.nanoTime();
        CommitResult result = store.commit(new Commit(key, 0, "d", Optional.empty(), key + "#1",
            Duration.ofHours(1)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertInstanceOf(CommitResult.Committed.class, result, key);
        assertTrue(took.compareTo(REPLICA_WAIT) < 0, key + "'s commit took " + took
            + ": it waited out the replica wait of " + REPLICA_WAIT);
      }
    }
    assertEquals(LocalRedisCluster.MASTERS, masters.size(), "the sessions' masters");
  }
}
