package io.ttscenes.storage.redis;

import io.ttscenes.api.store.InboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * The inboxes of signals, one hash per session in its slot ({@code P i:{K}}: signal id ->
 * {@code <at ms>:<payload>}). Appending writes the entry, flags the session hash ({@code i}, so
 * the commit script knows without another command that signals wait and must not move the timer
 * later), then lowers the session's timer; a failure in between leaves at worst an entry the
 * sender's retry delivers again. Entries leave only through the commit script that consumed them.
 */
final class RedisInboxes {
  private static final Comparator<InboxEntry> OLDEST_FIRST =
      Comparator.comparing(InboxEntry::at).thenComparing(InboxEntry::id);

  private final UnifiedJedis jedis;
  private final RedisKeys keys;
  private final Guard guard;
  private final RedisTimers timers;

  RedisInboxes(UnifiedJedis jedis, RedisKeys keys, Guard guard, RedisTimers timers) {
    this.jedis = jedis;
    this.keys = keys;
    this.guard = guard;
    this.timers = timers;
  }

  void append(String key, InboxEntry entry) {
    String value = entry.at().toEpochMilli() + ":" + entry.payload();
    guard.call("delivering signal '" + entry.id() + "' to session '" + key + "'",
        () -> jedis.hsetnx(keys.inbox(key), entry.id(), value));
    // After the entry: a commit that empties the inbox in between drops only a flag set before it.
    guard.call("flagging the inbox of session '" + key + "'", () -> jedis.hset(keys.session(key), "i", "1"));
    timers.lower(key, entry.at());
  }

  List<InboxEntry> list(String key) {
    Map<String, String> stored = guard.call("reading the inbox of session '" + key + "'",
        () -> jedis.hgetAll(keys.inbox(key)));
    List<InboxEntry> entries = new ArrayList<>(stored.size());
    stored.forEach((id, value) -> entries.add(entry(key, id, value)));
    entries.sort(OLDEST_FIRST);
    return entries;
  }

  private static InboxEntry entry(String key, String id, String value) {
    int colon = value.indexOf(':');
    if (colon < 1) {
      throw new IllegalStateException("inbox entry '" + id + "' of session '" + key
          + "' is not '<at ms>:<payload>'");
    }
    Instant at = Instant.ofEpochMilli(Long.parseLong(value.substring(0, colon)));
    return new InboxEntry(id, at, value.substring(colon + 1));
  }
}
