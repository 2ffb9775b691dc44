package io.ttscenes.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** REDIS_CLUSTER_NODES, REDIS_USERNAME and REDIS_PASSWORD become the store URL, or a clear problem. */
final class RedisClusterSettingsTest {

  @Test
  void clusterNodesBecomeAClusterStoreUrl() {
    RuntimeConfig config = config(Map.of("REDIS_CLUSTER_NODES", "10.0.0.1:7000, redis-b:7001,redis-c.internal:7002"));

    assertEquals(Optional.of(URI.create("redis-cluster://10.0.0.1:7000,redis-b:7001,redis-c.internal:7002")),
        config.redisUrl());
  }

  @Test
  void redissPrefixAndCredentialsGiveATlsClusterUrlWithTheSecretEncodedAndHidden() {
    RuntimeConfig config = config(Map.of("REDIS_CLUSTER_NODES", "rediss://a:7000,b:7000",
        "REDIS_USERNAME", "bot", "REDIS_PASSWORD", "p@ss:w/rd"));

    assertEquals(Optional.of(URI.create("rediss-cluster://bot:p%40ss%3Aw%2Frd@a:7000,b:7000")), config.redisUrl());
    assertFalse(config.toString().contains("p%40ss"), config.toString());
    assertTrue(config.toString().contains("rediss-cluster://bot:***@a:7000,b:7000"), config.toString());
  }

  @Test
  void credentialsVariablesApplyToARedisUrlWithoutCredentials() {
    RuntimeConfig config = config(Map.of("REDIS_URL", "redis://cache:6380/2", "REDIS_PASSWORD", "s3cret"));

    assertEquals(Optional.of(URI.create("redis://:s3cret@cache:6380/2")), config.redisUrl());
  }

  @Test
  void bothRedisUrlAndClusterNodesAreRefused() {
    assertEquals(List.of("REDIS_URL and REDIS_CLUSTER_NODES are both set; set REDIS_URL for one server "
            + "or REDIS_CLUSTER_NODES for a Redis Cluster, not both"),
        problems(Map.of("REDIS_URL", "redis://cache:6379", "REDIS_CLUSTER_NODES", "a:7000")));
  }

  @Test
  void badNodeListsNameTheEntryThatIsWrong() {
    assertEquals(List.of("REDIS_CLUSTER_NODES is 'a:7000,b:70000'; entry 'b:70000' has port '70000'; "
        + "it must be 1..65535"), problems(Map.of("REDIS_CLUSTER_NODES", "a:7000,b:70000")));
    assertEquals(List.of("REDIS_CLUSTER_NODES is 'a:7000,b:x'; entry 'b:x' has port 'x'; it must be 1..65535"),
        problems(Map.of("REDIS_CLUSTER_NODES", "a:7000,b:x")));
    assertEquals(List.of("REDIS_CLUSTER_NODES is 'a'; entry 'a' is not host:port (a name or IPv4 address, a port)"),
        problems(Map.of("REDIS_CLUSTER_NODES", "a")));
    assertEquals(List.of(
            "REDIS_CLUSTER_NODES is ','; entry '' is not host:port (a name or IPv4 address, a port)",
            "REDIS_CLUSTER_NODES is ','; entry '' is not host:port (a name or IPv4 address, a port)"),
        problems(Map.of("REDIS_CLUSTER_NODES", ",")));
    assertEquals(List.of("REDIS_CLUSTER_NODES is 'rediss://'; entry '' is not host:port (a name or IPv4 address, a port)"),
        problems(Map.of("REDIS_CLUSTER_NODES", "rediss://")));
  }

  @Test
  void credentialsThatCannotApplyAreRefused() {
    assertEquals(List.of("REDIS_USERNAME is set without REDIS_PASSWORD; Redis authenticates a user by its password"),
        problems(Map.of("REDIS_CLUSTER_NODES", "a:7000", "REDIS_USERNAME", "bot")));
    assertEquals(List.of("REDIS_URL has credentials and REDIS_USERNAME/REDIS_PASSWORD are set too; give them in one place"),
        problems(Map.of("REDIS_URL", "redis://:one@cache:6379", "REDIS_PASSWORD", "two")));
    assertEquals(List.of("REDIS_PASSWORD is set, but neither REDIS_URL nor REDIS_CLUSTER_NODES says which Redis it is for"),
        problems(Map.of("REDIS_PASSWORD", "two")));
  }

  @Test
  void clusterNodesWithoutAStoreModuleAreRefusedNamingTheVariable() {
    RuntimeConfig config = config(Map.of("REDIS_CLUSTER_NODES", "127.0.0.1:1"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> BotRuntime.create(io.ttscenes.api.Bot.builder("b").build(), config));
    assertTrue(e.getMessage().startsWith("REDIS_CLUSTER_NODES is set, but no store for redis-cluster:// is on "
        + "the classpath"), e.getMessage());
  }

  private static RuntimeConfig config(Map<String, String> redis) {
    Map<String, String> env = new HashMap<>(redis);
    env.put("TAMTAM_TOKEN", "t");
    return RuntimeConfig.from(env);
  }

  private static List<String> problems(Map<String, String> redis) {
    return assertThrows(RuntimeConfigException.class, () -> config(redis)).problems();
  }
}
