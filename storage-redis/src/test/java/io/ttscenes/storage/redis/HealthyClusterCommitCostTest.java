package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.StoredSession;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * On a healthy cluster (every master's replica in sync) a session's read and commit cost what
 * they cost before the replica wait learnt about demoted masters: the read one HGETALL, the commit
 * its script, the barrier and the WAIT (one more round trip), and the masters' ROLE and CLUSTER
 * NODES once per 5 s; the check a read makes after an unconfirmed commit costs nothing here.
 */
final class HealthyClusterCommitCostTest {
  @RegisterExtension static final RedisClusterExtension CLUSTER = RedisClusterExtension.own();
  private static final int SESSIONS = 100;
  private static final java.util.List<String> CLIENT_COMMANDS =
      java.util.List.of("hgetall", "evalsha", "eval", "wait", "role", "cluster", "exists");

  @Test
  void aReadAndACommitCostAReadTheScriptAndOneWaitOnAHealthyCluster() {
    RedisConfig config = RedisConfig.fromClusterNodes(CLUSTER.nodesVariable()).newBuilder()
        .botName("healthy").build();
    try (RedisSessionStore store = RedisSessionStore.create(config)) {
      for (int i = 0; i < SESSIONS; i++) {
        store.commit(new Commit("h" + i, 0, "v1", Optional.empty(), "h" + i + "#1", Duration.ofHours(1)));
      }
      long before = commands();
      long start = System.nanoTime();
      for (int round = 1; round <= 3; round++) {
        for (int i = 0; i < SESSIONS; i++) {
          String key = "h" + i;
          long version = store.loadLatest(key).map(StoredSession::version).orElse(0L);
          assertInstanceOf(CommitResult.Committed.class, store.commit(new Commit(key, version, "v" + (version + 1),
              Optional.empty(), key + "#" + (version + 1), Duration.ofHours(1))));
        }
      }
      long took = System.nanoTime() - start;
      double perUpdate = (commands() - before) / (3.0 * SESSIONS);
      System.out.printf("healthy cluster: %.2f HGETALL, EVALSHA, WAIT, ROLE, CLUSTER NODES per read and commit, %.2f ms each%n", perUpdate,
          took / 1e6 / (3 * SESSIONS));
      assertTrue(perUpdate <= 3.1, "commands per read and commit: " + perUpdate);
    }
  }

  /**
   * Calls, on all nodes, of the commands only a client sends (commandstats also counts a script's
   * inner calls and the writes a replica applies, as MULTI/EXEC: so the barrier's SET and DEL,
   * which replicas apply too, are not counted; they go in the WAIT's round trip).
   */
  private static long commands() {
    long sum = 0;
    for (HostAndPort node : CLUSTER.local().seeds()) {
      try (Jedis jedis = new Jedis(node, DefaultJedisClientConfig.builder().build())) {
        for (String line : jedis.info("commandstats").lines().toList()) {
          int calls = line.indexOf("calls=");
          if (CLIENT_COMMANDS.stream().anyMatch(c -> line.startsWith("cmdstat_" + c + ":")) && calls > 0) {
            sum += Long.parseLong(line.substring(calls + 6, line.indexOf(",", calls)));
          }
        }
      }
    }
    return sum;
  }
}
