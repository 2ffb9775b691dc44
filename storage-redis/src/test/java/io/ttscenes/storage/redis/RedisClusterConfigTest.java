package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.store.StoreUnavailableException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The seed nodes of a Redis Cluster: read from a list or the runtime's cluster URL, or refused clearly. */
final class RedisClusterConfigTest {

  @Test
  void aNodeListMakesAClusterConfiguration() {
    RedisConfig config = RedisConfig.fromClusterNodes("10.0.0.1:7000, redis-b:7001");

    assertEquals(List.of(InetSocketAddress.createUnresolved("10.0.0.1", 7000),
        InetSocketAddress.createUnresolved("redis-b", 7001)), config.clusterNodes());
    assertTrue(config.cluster(), "cluster mode is implied");
    assertEquals("redis-cluster://10.0.0.1:7000,redis-b:7001", config.redactedUrl());
  }

  @Test
  void theRuntimesClusterUrlCarriesTlsAndDecodedCredentialsThatNeverPrint() {
    RedisConfig config = RedisConfig.fromUrl("rediss-cluster://bot:p%40ss%3Aw%2Frd@a:7000,b:7000");

    assertTrue(config.tls());
    assertEquals(Optional.of("bot"), config.user());
    assertEquals(Optional.of("p@ss:w/rd"), config.password());
    assertEquals(2, config.clusterNodes().size());
    assertEquals("rediss-cluster://bot:***@a:7000,b:7000", config.redactedUrl());
    assertFalse(config.toString().contains("p@ss"), config.toString());
  }

  @Test
  void theRuntimesUnsafeAllowanceReachesAClusterConfiguration() {
    assertTrue(RedisConfig.fromUrl("redis-cluster://a:7000,b:7000?unsafe_ok=true").unsafeServerAllowed());
    assertFalse(RedisConfig.fromUrl("redis-cluster://a:7000,b:7000").unsafeServerAllowed());
  }

  @Test
  void builderSetsCredentialsAndTlsForANodeList() {
    RedisConfig config = RedisConfig.fromClusterNodes("a:7000").newBuilder()
        .user("bot").password("secret").tls(true).botName("faq").build();

    assertEquals("rediss-cluster://bot:***@a:7000", config.redactedUrl());
    assertEquals(Optional.of("secret"), config.password());
    assertEquals("tts:faq:", config.keyPrefix());
  }

  @Test
  void badNodeListsAreRefusedNamingTheEntry() {
    assertEquals("redis cluster nodes are empty; expected host:port,host:port,...", refused(""));
    assertEquals("redis cluster node '' is not host:port; expected host:port,host:port,...", refused("a:7000,"));
    assertEquals("redis cluster node 'a' is not host:port; expected host:port,host:port,...", refused("a"));
    assertEquals("redis cluster node 'a:0' has port '0'; expected a number 1..65535", refused("a:0"));
    assertEquals("redis cluster node 'a:99999' has port '99999'; expected a number 1..65535", refused("a:99999"));
    assertEquals("redis cluster node 'a:x' has port 'x'; expected a number 1..65535", refused("a:x"));
    assertEquals("redis cluster url has the path '/2'; a cluster has only database 0, so it takes none",
        assertThrows(IllegalArgumentException.class,
            () -> RedisConfig.fromUrl("redis-cluster://a:7000/2")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> RedisConfig.fromClusterNodes("a:1").newBuilder().password(""));
  }

  @Test
  void noAnsweringSeedNodeFailsTheStoreClearlyWithoutTheSecret() {
    RedisConfig config = RedisConfig.fromClusterNodes("127.0.0.1:1").newBuilder()
        .password("hunter2").connectTimeout(java.time.Duration.ofMillis(200)).build();

    StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
        () -> RedisSessionStore.create(config));
    assertTrue(e.getMessage().startsWith("redis at redis-cluster://:***@127.0.0.1:1: reading the cluster's "
        + "slot map failed"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void theProviderTakesTheClusterSchemes() {
    RedisSessionStoreProvider provider = new RedisSessionStoreProvider();
    assertTrue(provider.supports(URI.create("redis-cluster://a:7000,b:7000")));
    assertTrue(provider.supports(URI.create("rediss-cluster://a:7000")));
    assertFalse(provider.supports(URI.create("memcached://a:7000")));
  }

  private static String refused(String nodes) {
    return assertThrows(IllegalArgumentException.class, () -> RedisConfig.fromClusterNodes(nodes)).getMessage();
  }
}
