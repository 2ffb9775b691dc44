package io.ttscenes.storage.redis;

import io.ttscenes.api.store.ChatKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * The key layout of one bot. Session keys are escaped ({@code %}, <code>{</code>, <code>}</code>
 * as %25, %7B, %7D) so the hash tag is exactly the escaped session key (a chat-scoped member key
 * is tagged by its chat instead, see {@link #tagged}), and two session keys never share a Redis key.
 */
final class RedisKeys {
  private final String prefix;

  RedisKeys(String prefix) {
    this.prefix = prefix;
  }

  /** HASH v (version), d (data), u (recent update ids joined by \n). */
  String session(String key) {
    return prefix + "s:" + tagged(key);
  }

  /** HASH v (version), d (data) of chat {@code chatKey}; same slot as its members' sessions. */
  String chatData(String chatKey) {
    return prefix + "cd:{" + chatKey + "}";
  }

  /** HASH outbox id -> "version:payload"; same slot as {@link #session}. */
  /** The inbox of signals of session {@code key}: signal id -> {@code <at ms>:<payload>}. */
  String inbox(String key) {
    return prefix + "i:" + tagged(key);
  }

  String outbox(String key) {
    return prefix + "o:" + tagged(key);
  }

  /** How many sorted sets the session timers are spread over. */
  static final int TIMER_SHARDS = 16;

  /**
   * ZSET session key -> due (or lease end) epoch ms, for the sessions of one shard: sessions are
   * spread by a hash of their key, so in Redis Cluster no single slot takes every timer.
   */
  String timerShard(int shard) {
    return prefix + "timers:" + shard;
  }

  /** The timer shard of session {@code key}. */
  String timers(String key) {
    return timerShard(Math.floorMod(key.hashCode(), TIMER_SHARDS));
  }

  /** ZSET of the timers written by versions before the shards; still claimed and cleaned up. */
  String unshardedTimers() {
    return prefix + "timers";
  }

  /** Every timer key, the shards then the unsharded one. */
  List<String> allTimers() {
    List<String> all = new ArrayList<>(TIMER_SHARDS + 1);
    for (int shard = 0; shard < TIMER_SHARDS; shard++) {
      all.add(timerShard(shard));
    }
    all.add(unshardedTimers());
    return all;
  }

  /** How many sorted sets the outbox index is spread over, as the timers are. */
  static final int OUTBOX_SHARDS = 16;

  /**
   * ZSET session key -> time its outbox was written, for the sessions of one shard (by the same
   * hash as the timers); finds outboxes left by a crash. {@code OUTBOX_SHARDS} is the unsharded
   * index of earlier versions, still walked and emptied.
   */
  String outboxShard(int shard) {
    return shard == OUTBOX_SHARDS ? prefix + "outboxes" : prefix + "outboxes:" + shard;
  }

  /** How many sessions every index shard holds together (for tests and operators' checks). */
  long indexedOutboxes(redis.clients.jedis.UnifiedJedis jedis) {
    long total = 0;
    for (int shard = 0; shard <= OUTBOX_SHARDS; shard++) {
      total += jedis.zcard(outboxShard(shard));
    }
    return total;
  }

  /** The outbox index shard of session {@code key}. */
  String outboxIndex(String key) {
    return outboxShard(Math.floorMod(key.hashCode(), OUTBOX_SHARDS));
  }

  /** STRING, the long-poll marker. */
  String marker() {
    return prefix + "marker";
  }

  /** STRING, the owner of lease {@code name}; expires with the lease. */
  String lease(String name) {
    return prefix + "lease:" + name;
  }

  /**
   * The hash-tagged form of session {@code key}: {@code {K}} with K escaped, except a chat-scoped
   * member key {@code c:<chat>/u:<user>}, tagged by its chat ({@code {c:<chat>}/u:<user>}), so
   * its session, outbox and inbox share the slot of the chat's data. No escaped key holds a
   * closing brace, so the two forms never meet.
   */
  static String tagged(String key) {
    return ChatKeys.memberPart(key)
        .map(member -> "{" + ChatKeys.chatOf(key).orElseThrow() + "}/" + escape(member))
        .orElseGet(() -> "{" + escape(key) + "}");
  }

  static String escape(String key) {
    if (key.indexOf('%') < 0 && key.indexOf('{') < 0 && key.indexOf('}') < 0) {
      return key;
    }
    return key.replace("%", "%25").replace("{", "%7B").replace("}", "%7D");
  }
}
