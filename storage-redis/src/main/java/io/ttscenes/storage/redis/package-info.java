/**
 * A {@link io.ttscenes.api.store.SessionStore} on Redis (standalone, Sentinel or Cluster) with
 * Jedis: {@link io.ttscenes.storage.redis.RedisSessionStore}, its
 * {@link io.ttscenes.storage.redis.RedisConfig} and the Guice
 * {@link io.ttscenes.storage.redis.RedisStoreModule}.
 *
 * <p>Nothing in this package is null unless its documentation says so; lookups return
 * {@link java.util.Optional}.
 */
package io.ttscenes.storage.redis;
