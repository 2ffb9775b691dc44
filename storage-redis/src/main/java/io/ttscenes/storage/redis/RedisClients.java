package io.ttscenes.storage.redis;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Builds the pooled client a {@link RedisConfig} describes: Jedis' cluster client when it names
 * cluster nodes, else a standalone one. Opens no connection for a standalone server; the cluster
 * client reads the slot map from a seed node when it is built.
 */
final class RedisClients {
  // Attempts of one command across MOVED, ASK and connection failures: a failover takes the
  // cluster's node timeout plus an election, so the retries are bounded by time, not count.
  private static final int CLUSTER_ATTEMPTS = 10;

  private RedisClients() {}

  static UnifiedJedis create(RedisConfig config) {
    return config.clusterNodes().isEmpty() ? standalone(config) : cluster(config);
  }

  static UnifiedJedis standalone(RedisConfig config) {
    return RedisClient.builder()
        .hostAndPort(new HostAndPort(config.host(), config.port()))
        .clientConfig(clientConfig(config, config.database()))
        .poolConfig(pool(config))
        .build();
  }

  static UnifiedJedis cluster(RedisConfig config) {
    Set<HostAndPort> seeds = new LinkedHashSet<>();
    config.clusterNodes().forEach(n -> seeds.add(new HostAndPort(n.getHostString(), n.getPort())));
    return RedisClusterClient.builder()
        .nodes(seeds)
        .clientConfig(clientConfig(config, 0))
        .poolConfig(pool(config))
        .maxAttempts(CLUSTER_ATTEMPTS)
        .maxTotalRetriesDuration(config.socketTimeout().multipliedBy(CLUSTER_ATTEMPTS))
        .build();
  }

  private static JedisClientConfig clientConfig(RedisConfig config, int database) {
    DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
        .database(database)
        .ssl(config.tls())
        .clientName("ttscenes")
        .connectionTimeoutMillis(millis(config.connectTimeout()))
        .socketTimeoutMillis(millis(config.socketTimeout()));
    config.user().ifPresent(client::user);
    config.password().ifPresent(client::password);
    return client.build();
  }

  private static ConnectionPoolConfig pool(RedisConfig config) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(config.poolSize());
    pool.setMaxIdle(config.poolSize());
    pool.setMinIdle(0);
    // A caller waits for a free connection no longer than for an answer, then fails clearly.
    pool.setMaxWait(config.socketTimeout());
    // No JMX MBean per pool: registering one creates the platform MBean server at start (about
    // 300 classes and tens of ms of a cold start's CPU); the runtime's meters are its metrics.
    pool.setJmxEnabled(false);
    return pool;
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
  }
}
