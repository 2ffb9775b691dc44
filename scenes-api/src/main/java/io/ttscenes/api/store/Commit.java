package io.ttscenes.api.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One atomic write of a session: compare {@code expectedVersion} (0 when the session must not
 * exist yet), then store {@code data}, the optional {@code outbox} entry, remember
 * {@code updateId} and expire the session after {@code ttl} of idleness.
 *
 * <p>{@code clearedOutboxIds} names outbox entries of this session that were sent since its last
 * commit; they are removed in the same atomic step, exactly as {@link SessionStore#clearOutbox}
 * would, so a steady conversation needs no separate clear. On a conflict they stay, like
 * everything else.
 *
 * <p>{@code wake} is when the session's earliest scheduled job comes due (empty: it has none).
 * When it differs from what the session's last commit stored, the store sets the session's timer
 * to it (or removes the timer when empty) in the same atomic step; an unchanged wake leaves the
 * timer as it is, so a claim on it (see {@link SessionStore#claimDueTimers}) stays.
 *
 * <p>{@code consumedSignalIds} names entries of the session's inbox (see
 * {@link SessionStore#appendSignal}) this commit handled; they leave the inbox in the same atomic
 * step, and stay on a conflict.
 *
 * <p>{@code chatData}, when present, writes the data of the chat the session belongs to (see
 * {@link ChatKeys#chatOf}) in the same atomic step: the commit wins only when both the session's
 * and the chat data's versions are the expected ones, and otherwise writes nothing, reporting a
 * {@link CommitResult.Conflict} like a session conflict.
 */
public record Commit(
    String key,
    long expectedVersion,
    String data,
    Optional<OutboxEntry> outbox,
    String updateId,
    Duration ttl,
    Set<String> clearedOutboxIds,
    Optional<Instant> wake,
    Set<String> consumedSignalIds,
    Optional<ChatDataWrite> chatData) {
  /** The longest idle TTL a store keeps (100 years); see {@link #storedTtl()}. */
  public static final Duration MAX_TTL = Duration.ofDays(36_500);

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
    clearedOutboxIds = Set.copyOf(clearedOutboxIds);
    Objects.requireNonNull(wake, "wake");
    consumedSignalIds = Set.copyOf(consumedSignalIds);
    Objects.requireNonNull(chatData, "chatData");
    if (chatData.isPresent() && !ChatKeys.chatOf(key).equals(Optional.of(chatData.get().chatKey()))) {
      throw new IllegalArgumentException("session '" + key + "' cannot commit the data of chat '"
          + chatData.get().chatKey() + "': only c:<chat> and c:<chat>/u:<user> sessions share their chat's data");
    }
  }

  /** A commit that writes no chat data (the nine-component form). */
  public Commit(
      String key,
      long expectedVersion,
      String data,
      Optional<OutboxEntry> outbox,
      String updateId,
      Duration ttl,
      Set<String> clearedOutboxIds,
      Optional<Instant> wake,
      Set<String> consumedSignalIds) {
    this(key, expectedVersion, data, outbox, updateId, ttl, clearedOutboxIds, wake, consumedSignalIds,
        Optional.empty());
  }

  /** A commit that consumes no signals (the eight-component form). */
  public Commit(
      String key,
      long expectedVersion,
      String data,
      Optional<OutboxEntry> outbox,
      String updateId,
      Duration ttl,
      Set<String> clearedOutboxIds,
      Optional<Instant> wake) {
    this(key, expectedVersion, data, outbox, updateId, ttl, clearedOutboxIds, wake, Set.of());
  }

  /** A commit of a session without scheduled jobs (the seven-component form). */
  public Commit(
      String key,
      long expectedVersion,
      String data,
      Optional<OutboxEntry> outbox,
      String updateId,
      Duration ttl,
      Set<String> clearedOutboxIds) {
    this(key, expectedVersion, data, outbox, updateId, ttl, clearedOutboxIds, Optional.empty());
  }

  /** A commit that clears no earlier outbox entries (the original six-component form). */
  public Commit(
      String key,
      long expectedVersion,
      String data,
      Optional<OutboxEntry> outbox,
      String updateId,
      Duration ttl) {
    this(key, expectedVersion, data, outbox, updateId, ttl, Set.of());
  }

  /** Returns a copy of this commit that also clears the outbox entries named by {@code ids}. */
  public Commit withClearedOutboxIds(Set<String> ids) {
    return new Commit(key, expectedVersion, data, outbox, updateId, ttl, ids, wake, consumedSignalIds, chatData);
  }

  /**
   * The TTL a store applies: {@code ttl}, capped at {@link #MAX_TTL} so that every store can
   * represent it (Redis refuses expiry times near {@code Long.MAX_VALUE} milliseconds).
   */
  public Duration storedTtl() {
    return ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl;
  }
}
