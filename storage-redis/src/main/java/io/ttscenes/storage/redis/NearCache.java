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
 * Beyond the sessions it holds, it remembers which keys exist ({@link KnownKeys}, up to
 * {@value #KNOWN_PER_SESSION} keys per session it may hold), so that only unknown keys are
 * guessed new.
 */
final class NearCache {
  /** Known keys per cached session: a key costs about 200 bytes (30 characters), a session its data and more. */
  static final int KNOWN_PER_SESSION = 10;

  private record Cached(StoredSession session, Duration ttl) {}

  private final Cache<String, Cached> cache;
  private final Duration ttl;
  private final KnownKeys known;

  NearCache(long maximumSize, Duration ttl) {
    this.ttl = ttl;
    this.known = new KnownKeys(maximumSize > Long.MAX_VALUE / KNOWN_PER_SESSION
        ? Long.MAX_VALUE : maximumSize * KNOWN_PER_SESSION);
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
    known.alive(key, sessionTtl);
    Cached fresh = new Cached(session, sessionTtl.compareTo(ttl) < 0 ? sessionTtl : ttl);
    cache.asMap().merge(key, fresh,
        (cached, offered) -> offered.session().version() >= cached.session().version() ? offered : cached);
  }

  /** Drops the cached session of {@code key}; the key stays known to exist. */
  void invalidate(String key) {
    cache.invalidate(key);
  }

  /** Whether the session of {@code key} is known to exist in Redis, cached or not. */
  boolean knows(String key) {
    return known.knows(key);
  }

  /** A read of {@code key} in Redis found its session, or ({@code found} false) none. */
  void read(String key, boolean found) {
    if (found) {
      known.found(key);
    } else {
      known.absent(key);
    }
  }

  void clear() {
    cache.invalidateAll();
    known.clear();
  }
}
