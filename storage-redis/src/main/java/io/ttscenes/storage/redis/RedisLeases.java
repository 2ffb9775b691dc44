package io.ttscenes.storage.redis;

import java.time.Duration;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Named leases of one bot: {@code P lease:<name>} holds the owner and expires with the lease.
 * Taking is {@code SET NX PX} (or a renewal when the caller owns it already); renewal and release
 * are compare-and-PEXPIRE and compare-and-DEL scripts, so only the owner touches a lease.
 */
final class RedisLeases {
  private static final LuaScript RENEW = LuaScript.fromResource("renew-lease.lua");
  private static final LuaScript RELEASE = LuaScript.fromResource("release-lease.lua");

  private final UnifiedJedis jedis;
  private final RedisKeys keys;
  private final Guard guard;

  RedisLeases(UnifiedJedis jedis, RedisKeys keys, Guard guard) {
    this.jedis = jedis;
    this.keys = keys;
    this.guard = guard;
  }

  boolean acquire(String name, String owner, Duration ttl) {
    String key = keys.lease(name);
    String set = guard.call("taking lease '" + name + "'",
        () -> jedis.set(key, owner, SetParams.setParams().nx().px(ttl.toMillis())));
    // Not set: someone holds it, possibly we ourselves, in which case taking it again renews it.
    return "OK".equals(set) || renew(name, owner, ttl);
  }

  boolean renew(String name, String owner, Duration ttl) {
    Object renewed = guard.call("renewing lease '" + name + "'",
        () -> RENEW.run(jedis, List.of(keys.lease(name)), List.of(owner, Long.toString(ttl.toMillis()))));
    return ((Long) renewed) == 1L;
  }

  void release(String name, String owner) {
    guard.call("releasing lease '" + name + "'",
        () -> RELEASE.run(jedis, List.of(keys.lease(name)), List.of(owner)));
  }
}
