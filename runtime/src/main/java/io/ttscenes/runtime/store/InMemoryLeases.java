package io.ttscenes.runtime.store;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The named leases of an {@link InMemorySessionStore}: owner and deadline per name, on the
 * store's ticker. Each operation is one atomic map step. Thread-safe.
 */
final class InMemoryLeases {
  private final ConcurrentMap<String, Lease> leases = new ConcurrentHashMap<>();
  private final Ticker ticker;

  InMemoryLeases(Ticker ticker) {
    this.ticker = ticker;
  }

  boolean acquire(String name, String owner, Duration ttl) {
    long now = ticker.read();
    Lease held = leases.compute(name, (key, current) ->
        current == null || current.expired(now) || current.owner().equals(owner)
            ? new Lease(owner, now + ttl.toNanos()) : current);
    return held.owner().equals(owner);
  }

  boolean renew(String name, String owner, Duration ttl) {
    long now = ticker.read();
    Lease held = leases.computeIfPresent(name, (key, current) ->
        current.owner().equals(owner) && !current.expired(now)
            ? new Lease(owner, now + ttl.toNanos()) : current);
    return held != null && held.owner().equals(owner) && !held.expired(now);
  }

  void release(String name, String owner) {
    leases.computeIfPresent(name, (key, current) -> current.owner().equals(owner) ? null : current);
  }

  private record Lease(String owner, long deadlineNanos) {
    boolean expired(long now) {
      return now - deadlineNanos >= 0;
    }
  }
}
