package io.ttscenes.storage.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;

/**
 * Keys of sessions this instance knows to exist in Redis because it committed or read them,
 * without their data: a session that left the near cache is read again rather than guessed new,
 * since a wrong guess costs a wasted handler run. A key is kept for its session's TTL as last
 * committed here (a read, which does not tell the TTL, keeps it {@link #AFTER_READ}), so a key
 * whose session expired in Redis is guessed new again; a key still known after its session
 * expired costs one read that finds nothing, as before any guessing, and is then forgotten.
 */
final class KnownKeys {
  /**
   * How long a key read (not committed) here stays known: the default session TTL of a bot. A
   * longer-lived session read here is guessed new after it; a shorter one costs one empty read.
   */
  static final Duration AFTER_READ = Duration.ofDays(30);

  private final Cache<String, Duration> keys;

  /** Remembers at most {@code maximumSize} keys, evicting the least useful first (Caffeine's policy). */
  KnownKeys(long maximumSize) {
    // Maintenance on the calling thread, as in the near cache: no hand-off per commit.
    this.keys = Caffeine.newBuilder()
        .executor(Runnable::run)
        .maximumSize(maximumSize)
        .expireAfter(Expiry.writing((String key, Duration ttl) -> ttl))
        .build();
  }

  boolean knows(String key) {
    return keys.getIfPresent(key) != null;
  }

  /** Redis holds the session of {@code key} for {@code remaining} from now (a commit or a refusal said so). */
  void alive(String key, Duration remaining) {
    keys.put(key, remaining);
  }

  /** A read found the session of {@code key}; a key known already keeps its expiry. */
  void found(String key) {
    keys.asMap().putIfAbsent(key, AFTER_READ);
  }

  /** Redis holds no session for {@code key} (any more). */
  void absent(String key) {
    keys.invalidate(key);
  }

  void clear() {
    keys.invalidateAll();
  }
}
