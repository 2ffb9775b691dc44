package io.ttscenes.storage.redis;

import java.time.Duration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/** Builds the pooled standalone client a {@link RedisConfig} describes; opens no connection. */
final class RedisClients {
  private RedisClients() {}

  static UnifiedJedis standalone(RedisConfig config) {
    DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
        .database(config.database())
        .ssl(config.tls())
        .clientName("ttscenes")
        .connectionTimeoutMillis(millis(config.connectTimeout()))
        .socketTimeoutMillis(millis(config.socketTimeout()));
    config.user().ifPresent(client::user);
    config.password().ifPresent(client::password);
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(config.poolSize());
    pool.setMaxIdle(config.poolSize());
    pool.setMinIdle(0);
    // A caller waits for a free connection no longer than for an answer, then fails clearly.
    pool.setMaxWait(config.socketTimeout());
    return RedisClient.builder()
        .hostAndPort(new HostAndPort(config.host(), config.port()))
        .clientConfig(client.build())
        .poolConfig(pool)
        .build();
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
  }
}
