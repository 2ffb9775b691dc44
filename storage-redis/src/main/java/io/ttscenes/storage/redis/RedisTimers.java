package io.ttscenes.storage.redis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ZAddParams;

/**
 * The session timers of one bot, spread over {@value RedisKeys#TIMER_SHARDS} sorted sets by the
 * session key's hash (see {@link RedisKeys#timers(String)}), plus the unsharded set earlier
 * versions wrote, which is still claimed from and settled but never written. On a single node
 * the commit script keeps a session's timer; these are the operations outside it.
 */
final class RedisTimers {
  private static final LuaScript CLAIM = LuaScript.fromResource("claim-timers.lua");
  private static final LuaScript CANCEL_IF = LuaScript.fromResource("cancel-timer-if.lua");
  private static final LuaScript RESCHEDULE_IF = LuaScript.fromResource("reschedule-timer-if.lua");
  private static final LuaScript WAKE = LuaScript.fromResource("wake-timers.lua");

  private final UnifiedJedis jedis;
  private final RedisKeys keys;
  private final Guard guard;
  private final boolean cluster;

  RedisTimers(UnifiedJedis jedis, RedisKeys keys, Guard guard, boolean cluster) {
    this.jedis = jedis;
    this.keys = keys;
    this.guard = guard;
    this.cluster = cluster;
  }

  void schedule(String key, Instant due) {
    guard.call("scheduling the timer of session '" + key + "'",
        () -> jedis.zadd(keys.timers(key), due.toEpochMilli(), key));
  }

  void cancel(String key) {
    guard.call("cancelling the timer of session '" + key + "'", () -> {
      jedis.zrem(keys.timers(key), key);
      return jedis.zrem(keys.unshardedTimers(), key);
    });
  }

  boolean cancelIf(String key, Instant due) {
    List<String> args = List.of(key, Long.toString(due.toEpochMilli()));
    return settle("cancelling the timer of session '" + key + "'", CANCEL_IF, key, args);
  }

  boolean rescheduleIf(String key, Instant from, Instant to) {
    List<String> args = List.of(key, Long.toString(from.toEpochMilli()), Long.toString(to.toEpochMilli()));
    return settle("rescheduling the timer of session '" + key + "'", RESCHEDULE_IF, key, args);
  }

  /**
   * Cluster mode, before a commit: the timer is in another slot, so it is only ever lowered to the
   * wake here. A session with jobs then has a timer no later than its earliest job even if this
   * process dies right after the commit; an early or stale timer fires, finds nothing due and is
   * settled.
   */
  void lowerBeforeCommit(String key, Instant wake) {
    guard.call("arming the timer of session '" + key + "'",
        () -> jedis.zadd(keys.timers(key), wake.toEpochMilli(), key, ZAddParams.zAddParams().lt()));
  }

  /** Sets the timer of {@code key} to {@code due} unless it is set earlier already ({@code ZADD LT}). */
  void lower(String key, Instant due) {
    guard.call("arming the timer of session '" + key + "'",
        () -> jedis.zadd(keys.timers(key), due.toEpochMilli(), key, ZAddParams.zAddParams().lt()));
  }

  /** Cluster mode, after a winning commit that changed the wake: the timer becomes exactly it. */
  void setAfterCommit(String key, Optional<Instant> wake) {
    if (wake.isPresent()) {
      schedule(key, wake.get());
      return;
    }
    guard.call("removing the timer of session '" + key + "'", () -> jedis.zrem(keys.timers(key), key));
  }

  /**
   * Claims up to {@code limit} due timers: on a single node one script over every timer key,
   * earliest first overall; in cluster mode one script per key until {@code limit} are claimed.
   */
  List<String> claim(Instant now, Instant leaseEnd, int limit) {
    String nowMs = Long.toString(now.toEpochMilli());
    String leaseEndMs = Long.toString(leaseEnd.toEpochMilli());
    if (!cluster) {
      return claim(keys.allTimers(), nowMs, leaseEndMs, limit);
    }
    List<String> claimed = new ArrayList<>();
    for (String shard : keys.allTimers()) {
      if (claimed.size() == limit) {
        break;
      }
      claimed.addAll(claim(List.of(shard), nowMs, leaseEndMs, limit - claimed.size()));
    }
    return claimed;
  }

  private List<String> claim(List<String> timerKeys, String now, String leaseEnd, int limit) {
    Object claimed = guard.call("claiming due timers",
        () -> CLAIM.run(jedis, timerKeys, List.of(now, leaseEnd, Integer.toString(limit))));
    return ((List<?>) claimed).stream().map(String.class::cast).toList();
  }

  /**
   * Makes every timer scored after {@code now} and at or before {@code horizon} due at
   * {@code now}: one script per timer key (each its own slot in a cluster), so a key is changed
   * in one step. Returns how many timers moved.
   */
  int wake(Instant horizon, Instant now) {
    List<String> args = List.of(Long.toString(now.toEpochMilli()), Long.toString(horizon.toEpochMilli()));
    int woken = 0;
    for (String timers : keys.allTimers()) {
      Object moved = guard.call("waking the timers due by " + horizon, () -> WAKE.run(jedis, List.of(timers), args));
      woken += ((Long) moved).intValue();
    }
    return woken;
  }

  /** Runs a conditional timer script on the session's shard and the unsharded key. */
  private boolean settle(String what, LuaScript script, String key, List<String> args) {
    if (!cluster) {
      Object done = guard.call(what,
          () -> script.run(jedis, List.of(keys.timers(key), keys.unshardedTimers()), args));
      return ((Long) done) > 0;
    }
    for (String timers : List.of(keys.timers(key), keys.unshardedTimers())) {
      Object done = guard.call(what, () -> script.run(jedis, List.of(timers), args));
      if (((Long) done) > 0) {
        return true;
      }
    }
    return false;
  }
}
