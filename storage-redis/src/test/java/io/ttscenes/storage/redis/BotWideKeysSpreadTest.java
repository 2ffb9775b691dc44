package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.OutboxEntry;
import io.ttscenes.api.store.PendingOutbox;
import io.ttscenes.api.store.PendingPage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * No hot slot: on a real cluster the timers and the outbox index of a bot's sessions are spread
 * over shards on every master, and claiming timers and walking outboxes still reach every one.
 */
final class BotWideKeysSpreadTest {
  @RegisterExtension static final RedisClusterExtension CLUSTER = RedisClusterExtension.shared();
  private static final int SESSIONS = 200;
  private static final Instant DUE = Instant.parse("2026-11-26T12:00:00Z");

  @Test
  void timersAndOutboxIndexOfManySessionsSpreadOverEveryMasterAndAreAllReached() {
    // A fixed name, so the shards' slots are the same in every run; its keys are removed first.
    String prefix = "tts:spread:";
    RedisConfig config = RedisConfig.fromClusterNodes(CLUSTER.nodesVariable()).newBuilder().botName("spread").build();
    try (RedisSessionStore store = RedisSessionStore.create(config);
        RedisClusterClient admin = CLUSTER.newClient()) {
      onMasters(admin, node -> scan(node, prefix + "*").forEach(node::del));
      for (int i = 0; i < SESSIONS; i++) {
        store.commit(new Commit("s" + i, 0, "d", Optional.of(new OutboxEntry("o" + i, "p")), "m" + i,
            Duration.ofHours(1), Set.of(), Optional.of(DUE.plusMillis(i))));
      }
      List<Integer> indexShards = new ArrayList<>();
      List<Integer> timerShards = new ArrayList<>();
      onMasters(admin, node -> {
        indexShards.add(scan(node, prefix + "outboxes:*").size());
        timerShards.add(scan(node, prefix + "timers:*").size());
      });
      assertEquals(3, indexShards.size(), "three masters");
      assertTrue(indexShards.stream().allMatch(n -> n >= 1), "index shards per master: " + indexShards);
      assertTrue(timerShards.stream().allMatch(n -> n >= 1), "timer shards per master: " + timerShards);
      System.out.printf("no hot slot: outbox index shards per master %s, timer shards %s%n", indexShards, timerShards);

      assertEquals(SESSIONS, walk(store).size(), "the walk reaches every session's outbox");
      Set<String> claimed = new HashSet<>(store.claimDueTimers(DUE.plusSeconds(1), Duration.ofMinutes(1), 1000));
      assertEquals(SESSIONS, claimed.size(), "claiming reaches every shard");
    }
  }

  private static Set<String> walk(RedisSessionStore store) {
    Set<String> keys = new HashSet<>();
    Optional<String> cursor = Optional.empty();
    do {
      PendingPage page = store.pendingOutboxes(cursor, 17);
      page.entries().stream().map(PendingOutbox::key).forEach(keys::add);
      cursor = page.next();
    } while (cursor.isPresent());
    return keys;
  }

  private static void onMasters(RedisClusterClient admin, java.util.function.Consumer<Jedis> action) {
    for (ConnectionPool pool : admin.getClusterNodes().values()) {
      try (Jedis node = new Jedis(pool.getResource())) {
        if (node.info("replication").contains("role:master")) {
          action.accept(node);
        }
      }
    }
  }

  private static List<String> scan(Jedis node, String pattern) {
    List<String> found = new ArrayList<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = node.scan(cursor, new ScanParams().match(pattern).count(1000));
      found.addAll(page.getResult());
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return found;
  }
}
