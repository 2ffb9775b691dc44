package io.ttscenes.storage.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.ttscenes.api.store.StoredSession;
import java.time.Duration;
import java.util.Optional;

/**
 * Sessions this instance committed last, so the next load of the same session needs no Redis
 * call. A hit may be stale when another instance wrote since; the commit then conflicts (the
 * version check runs in Redis), the entry is dropped and the caller reloads, so no data is lost.
 */
final class NearCache {
  private record Cached(StoredSession session, Duration ttl) {}

  private final Cache<String, Cached> cache;
  private final Duration ttl;

  NearCache(long maximumSize, Duration ttl) {
    this.ttl = ttl;
    // Maintenance (eviction, expiry) runs on the thread that reads or writes: a hand-off to the
    // common pool per commit cost more CPU in thread wake-ups than the work itself.
    this.cache = Caffeine.newBuilder()
        .executor(Runnable::run)
        .maximumSize(maximumSize)
        .expireAfter(Expiry.writing((String key, Cached value) -> value.ttl()))
        .build();
  }

  Optional<StoredSession> get(String key) {
    return Optional.ofNullable(cache.getIfPresent(key)).map(Cached::session);
  }

  /**
   * Keeps {@code session} no longer than the near-cache TTL or its own idle TTL in Redis, unless a
   * newer version is cached already: two commits of one key returning at once may put in either
   * order, and the older one must not hide the newer.
   */
  void put(String key, StoredSession session, Duration sessionTtl) {
    Cached fresh = new Cached(session, sessionTtl.compareTo(ttl) < 0 ? sessionTtl : ttl);
    cache.asMap().merge(key, fresh,
        (cached, offered) -> offered.session().version() >= cached.session().version() ? offered : cached);
  }

  void invalidate(String key) {
    cache.invalidate(key);
  }

  void clear() {
    cache.invalidateAll();
  }
}
