package io.ttscenes.storage.redis;

import io.ttscenes.api.store.OutboxEntry;
import io.ttscenes.api.store.PendingOutbox;
import io.ttscenes.api.store.PendingPage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ZAddParams;

/**
 * Pending outboxes across sessions: the per-session outbox hashes plus the index sorted set that
 * finds them. A stale index member (its outbox already cleared or expired) is harmless: listing
 * reads its empty hash, skips it and drops it, so it costs one read once and hides nothing.
 * Listing pages through the index with a cursor, so members behind the first page are reached
 * however long the sessions at the front keep their outboxes.
 */
final class RedisOutboxes {
  // Cluster mode writes the index before the commit; a member seen empty is kept this long so
  // the commit that follows its index write cannot lose it (far above any socket timeout).
  static final Duration INDEX_GRACE = Duration.ofMinutes(1);

  private static final LuaScript CLEAR = LuaScript.fromResource("clear-outboxes.lua");
  // Entry ids per script call: keeps each call's arguments well inside Lua's stack limit.
  static final int CLEAR_BATCH = 512;
  private static final LuaScript DROP_EMPTY = LuaScript.fromResource("drop-empty.lua");
  private static final LuaScript DROP_OLD = LuaScript.fromResource("drop-old.lua");
  private static final LuaScript INDEX_AFTER = LuaScript.fromResource("index-after.lua");

  private final UnifiedJedis jedis;
  private final RedisKeys keys;
  private final Guard guard;
  private final Clock clock;
  private final boolean cluster;

  RedisOutboxes(UnifiedJedis jedis, RedisKeys keys, Guard guard, Clock clock, boolean cluster) {
    this.jedis = jedis;
    this.keys = keys;
    this.guard = guard;
    this.clock = clock;
    this.cluster = cluster;
  }

  /** Cluster mode only: indexes {@code key} before a commit writes its outbox (a 2nd command). */
  void indexBeforeCommit(String key) {
    guard.call("indexing the outbox of session '" + key + "'",
        () -> jedis.zadd(keys.outboxIndex(key), clock.millis(), key, ZAddParams.zAddParams().gt()));
  }

  /**
   * Removes the listed entries; on one node one script call per {@value #CLEAR_BATCH} entries
   * (which also drops emptied outboxes from the index), in cluster mode one HDEL per session (the
   * index member stays until {@link #list} finds the outbox empty).
   */
  void clear(Map<String, ? extends Collection<String>> idsByKey) {
    if (cluster) {
      idsByKey.forEach((key, ids) -> {
        if (!ids.isEmpty()) {
          guard.call("clearing " + ids.size() + " outbox entries of session '" + key + "'",
              () -> jedis.hdel(keys.outbox(key), ids.toArray(String[]::new)));
        }
      });
      return;
    }
    Batch batch = new Batch();
    idsByKey.forEach((key, ids) -> {
      for (String id : ids) {
        batch.add(key, id);
        if (batch.entries == CLEAR_BATCH) {
          batch.run();
        }
      }
      batch.endSession();
    });
    batch.run();
  }

  /** Script arguments for up to {@link #CLEAR_BATCH} entries, grouped by session. */
  private final class Batch {
    private final List<String> scriptKeys = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private String session;
    private int countAt;
    private int entries;

    void add(String key, String id) {
      if (session == null) {
        session = key;
        scriptKeys.add(keys.outbox(key));
        scriptKeys.add(keys.outboxIndex(key));
        args.add(key);
        countAt = args.size();
        args.add("0");
      }
      args.add(id);
      args.set(countAt, Integer.toString(args.size() - countAt - 1));
      entries++;
    }

    void endSession() {
      session = null;
    }

    void run() {
      if (entries == 0) {
        return;
      }
      List<String> all = List.copyOf(scriptKeys);
      guard.call("clearing " + entries + " outbox entries of " + all.size() / 2 + " sessions",
          () -> CLEAR.run(jedis, all, args));
      scriptKeys.clear();
      args.clear();
      session = null;
      entries = 0;
    }
  }

  /** The first {@code limit} entries in index order (a session's in commit order). */
  List<PendingOutbox> list(int limit) {
    List<PendingOutbox> found = page(Optional.empty(), limit).entries();
    return found.size() > limit ? found.subList(0, limit) : found;
  }

  /**
   * The whole sessions after {@code cursor} in index order (shard by shard) until they hold
   * {@code limit} entries or the last shard ends: one script call per batch of members, one
   * HGETALL per member. Members found empty are dropped from the index as they are passed.
   */
  PendingPage page(Optional<String> cursor, int limit) {
    List<PendingOutbox> found = new ArrayList<>();
    Optional<IndexCursor> at = cursor.map(IndexCursor::parse);
    int shard = at.map(IndexCursor::shard).orElse(0);
    while (shard <= RedisKeys.OUTBOX_SHARDS) {
      int wanted = limit - found.size();
      List<IndexCursor> members = after(shard, at, wanted);
      for (IndexCursor member : members) {
        if (!addEntries(member.member(), found)) {
          dropEmpty(member);
        }
        at = Optional.of(member);
        if (found.size() >= limit) {
          return new PendingPage(found, at.map(IndexCursor::format));
        }
      }
      if (members.size() < wanted) {
        shard++;
        at = Optional.empty();
      }
    }
    return PendingPage.last(found);
  }

  private List<IndexCursor> after(int shard, Optional<IndexCursor> cursor, int count) {
    List<String> args = List.of(cursor.map(IndexCursor::score).orElse(""),
        cursor.map(IndexCursor::member).orElse(""), Integer.toString(count));
    List<?> reply = (List<?>) guard.call("listing pending outboxes",
        () -> INDEX_AFTER.run(jedis, List.of(keys.outboxShard(shard)), args));
    List<IndexCursor> members = new ArrayList<>(reply.size() / 2);
    for (int i = 0; i + 1 < reply.size(); i += 2) {
      members.add(new IndexCursor(shard, (String) reply.get(i + 1), (String) reply.get(i)));
    }
    return members;
  }

  private boolean addEntries(String key, List<PendingOutbox> found) {
    Map<String, String> hash = guard.call("reading the outbox of session '" + key + "'",
        () -> jedis.hgetAll(keys.outbox(key)));
    hash.entrySet().stream()
        .map(e -> new Versioned(version(e.getValue()), new OutboxEntry(e.getKey(), payload(e.getValue()))))
        .sorted(Comparator.comparingLong(Versioned::version).thenComparing(v -> v.entry().id()))
        .forEach(v -> found.add(new PendingOutbox(key, v.entry())));
    return !hash.isEmpty();
  }

  private record Versioned(long version, OutboxEntry entry) {}

  private void dropEmpty(IndexCursor member) {
    String key = member.member();
    String index = keys.outboxShard(member.shard());
    guard.call("dropping the empty outbox of session '" + key + "'", () -> cluster
        ? DROP_OLD.run(jedis, List.of(index),
            List.of(key, Long.toString(clock.millis() - INDEX_GRACE.toMillis())))
        : DROP_EMPTY.run(jedis, List.of(keys.outbox(key), index), List.of(key)));
  }

  private static long version(String stored) {
    return Long.parseLong(stored.substring(0, stored.indexOf(':')));
  }

  private static String payload(String stored) {
    return stored.substring(stored.indexOf(':') + 1);
  }
}
