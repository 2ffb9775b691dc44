package io.ttscenes.api.store;

import java.time.Duration;
import java.util.Objects;

/**
 * The chat-wide part of a {@link Commit}: compare the chat data of {@code chatKey} with
 * {@code expectedVersion} (0: none stored yet), then store {@code data}, kept for {@code ttl}
 * after its last write. {@code chatKey} is a chat's key ({@code c:<id>}, see {@link ChatKeys}).
 */
public record ChatDataWrite(String chatKey, long expectedVersion, String data, Duration ttl) {
  public ChatDataWrite {
    Objects.requireNonNull(chatKey, "chatKey");
    if (!ChatKeys.isChat(chatKey)) {
      throw new IllegalArgumentException("chat data key '" + chatKey + "' is not a chat key c:<id>");
    }
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion is " + expectedVersion + "; it must be >= 0");
    }
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl is " + ttl + "; it must be positive");
    }
  }

  /** The TTL a store applies: {@link #ttl()} capped at {@link Commit#MAX_TTL}. */
  public Duration storedTtl() {
    return ttl.compareTo(Commit.MAX_TTL) > 0 ? Commit.MAX_TTL : ttl;
  }
}
