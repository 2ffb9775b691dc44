package io.ttscenes.api.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Checks the arguments of the lease methods of {@link SessionStore}, so every store rejects the
 * same misuse with the same message.
 */
public final class Leases {
  private Leases() {}

  /**
   * Throws {@link IllegalArgumentException} naming the field when {@code name} or {@code owner}
   * is blank or {@code ttl} is shorter than a millisecond; {@link NullPointerException} when one is null.
   */
  public static void check(String name, String owner, Duration ttl) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(ttl, "ttl");
    if (name.isBlank()) {
      throw new IllegalArgumentException("lease name is blank; it must have a visible character");
    }
    if (owner.isBlank()) {
      throw new IllegalArgumentException("lease owner is blank; it must have a visible character");
    }
    if (ttl.toMillis() < 1) {
      throw new IllegalArgumentException("lease ttl is " + ttl + "; it must be at least 1 ms");
    }
  }
}
