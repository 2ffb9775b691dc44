package io.ttscenes.api.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One atomic write of a session: compare {@code expectedVersion} (0 when the session must not
 * exist yet), then store {@code data}, the optional {@code outbox} entry, remember
 * {@code updateId} and expire the session after {@code ttl} of idleness.
 */
public record Commit(
    String key,
    long expectedVersion,
    String data,
    Optional<OutboxEntry> outbox,
    String updateId,
    Duration ttl) {
  public Commit {
    Objects.requireNonNull(key, "key");
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion is " + expectedVersion + "; it must be >= 0");
    }
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(updateId, "updateId");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl is " + ttl + "; it must be positive");
    }
  }
}
