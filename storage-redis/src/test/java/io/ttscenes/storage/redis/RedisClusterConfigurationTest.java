package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClusterClient;

/**
 * {@code REDIS_CLUSTER_NODES} alone puts a bot's sessions in a real Redis Cluster: the runtime
 * hands the nodes to storage-redis's provider, which opens the store on Jedis' cluster client.
 */
final class RedisClusterConfigurationTest {
  @RegisterExtension static final RedisClusterExtension CLUSTER = RedisClusterExtension.shared();
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String BOT = "nodes-bot-" + Long.toString(System.nanoTime(), 36);

  record Visits(int count) {}

  @Test
  void botRuntimeCreateKeepsSessionsInTheClusterThatTheNodesName() throws Exception {
    try (Emulator emulator = Emulator.start(0)) {
      RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_API_URL", emulator.baseUrl(),
          "TAMTAM_TOKEN", emulator.token(), "REDIS_CLUSTER_NODES", CLUSTER.nodesVariable(),
          "TTSCENES_BOT_NAME", BOT, "TTSCENES_POLL_TIMEOUT_SECONDS", "1"));
      try (BotRuntime runtime = BotRuntime.create(counter(), config)) {
        runtime.start();
        EmulatedUser alice = emulator.user("alice");
        alice.sendText("hi");
        assertEquals("visit 1", alice.awaitMessage(WAIT).text());
      }
      // A second runtime continues the count: the session was in the cluster, not in memory.
      try (BotRuntime runtime = BotRuntime.create(counter(), config)) {
        runtime.start();
        EmulatedUser alice = emulator.users().get(0);
        alice.sendText("again");
        assertEquals("visit 2", alice.awaitMessage(WAIT).text());
        try (RedisClusterClient client = CLUSTER.newClient()) {
          String key = "tts:" + BOT + ":s:{" + RedisKeys.escape("u:" + alice.userId() + ":c:" + alice.chatId()) + "}";
          assertEquals("2", client.hget(key, "v"), "the session hash in the cluster, version 2");
        }
      }
    }
  }

  private static Bot counter() {
    return Bot.builder(BOT).sessionData(Visits.class, () -> new Visits(0))
        .root(root -> root.onText(ctx -> {
          Visits next = new Visits(ctx.session(Visits.class).count() + 1);
          ctx.setSession(next).reply("visit " + next.count());
        }))
        .build();
  }
}
