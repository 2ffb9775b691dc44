package io.ttscenes.runtime.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.DeadLetter;
import io.ttscenes.api.store.InboxEntry;
import io.ttscenes.api.store.Leases;
import io.ttscenes.api.store.OutboxEntry;
import io.ttscenes.api.store.PendingOutbox;
import io.ttscenes.api.store.PendingPage;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoredChatData;
import io.ttscenes.api.store.StoredSession;
import io.ttscenes.runtime.store.SessionEntry.QueuedOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link SessionStore} in this process's memory, on a bounded Caffeine cache: for one-instance
 * bots and tests. Each session expires after the idle TTL of its last commit; when the cache is
 * full the least valuable sessions are evicted, with their pending outboxes. Commits are atomic
 * per key. Nothing survives a restart. Thread-safe.
 */
public final class InMemorySessionStore implements SessionStore {
  // Caffeine cannot hold a deadline beyond ~292 years of nanos; a century is "never" here.

  private final Cache<String, SessionEntry> sessions;
  private final Ticker ticker;
  private final InMemoryTimers timers = new InMemoryTimers();
  private final InMemoryInboxes inboxes = new InMemoryInboxes();
  private final InMemoryLeases leases;
  private final InMemoryChatData chats;
  private final InMemoryDeadLetters deadLetters = new InMemoryDeadLetters();
  private final AtomicLong outboxSequence = new AtomicLong();
  private final AtomicReference<OptionalLong> marker = new AtomicReference<>(OptionalLong.empty());

  private InMemorySessionStore(Builder builder) {
    this.ticker = builder.ticker;
    this.leases = new InMemoryLeases(builder.ticker);
    this.chats = new InMemoryChatData(builder.ticker);
    this.sessions = Caffeine.newBuilder()
        .maximumSize(builder.maximumSessions)
        .ticker(builder.ticker)
        .executor(builder.executor)
        .expireAfter(new DeadlineExpiry())
        .build();
  }

  /** Returns a store with the defaults: 100,000 sessions, the system ticker. */
  public static InMemorySessionStore create() {
    return builder().build();
  }

  /** Returns a builder to set the bound, the ticker or the maintenance executor. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Optional<StoredSession> load(String key) {
    return Optional.ofNullable(sessions.getIfPresent(key)).map(SessionEntry::session);
  }

  @Override
  public CommitResult commit(Commit commit) {
    CommitResult[] result = new CommitResult[1];
    sessions.asMap().compute(commit.key(), (key, current) -> {
      long version = current == null ? 0 : current.session().version();
      if (version != commit.expectedVersion()) {
        // The refusal carries the session, so the caller runs again without another read.
        result[0] = new CommitResult.Conflict(version,
            Optional.ofNullable(current).map(SessionEntry::session));
        return current;
      }
      // The chat data is compared and set inside this session's step, before anything of the
      // session changes: a lost chat race leaves both as they were.
      if (commit.chatData().isPresent() && !chats.write(commit.chatData().get())) {
        result[0] = new CommitResult.Conflict(version);
        return current;
      }
      QueuedOutbox added = commit.outbox()
          .map(entry -> new QueuedOutbox(outboxSequence.incrementAndGet(), entry))
          .orElse(null);
      long ttl = commit.storedTtl().toNanos();
      Long wake = commit.wake().map(Instant::toEpochMilli).orElse(null);
      long now = ticker.read();
      SessionEntry next = SessionEntry.committed(current, commit.data(), commit.updateId(),
          now, now + ttl, commit.clearedOutboxIds(), added, wake);
      // Inside the compute, so the timer and the inbox change atomically with the session.
      Long before = current == null ? null : current.wake();
      inboxes.consume(key, commit.consumedSignalIds(), waiting -> timers.commit(key, before, wake, waiting));
      result[0] = new CommitResult.Committed(next.session().version(), next.recent().capped());
      return next;
    });
    return result[0];
  }

  @Override
  public Optional<OutboxEntry> outboxEntry(String key, String outboxId) {
    return Optional.ofNullable(sessions.getIfPresent(key)).stream()
        .flatMap(entry -> entry.outbox().stream()).map(QueuedOutbox::entry)
        .filter(entry -> entry.id().equals(outboxId)).findFirst();
  }

  /** {@inheritDoc} Chat data expires after the TTL of its last write, as sessions do. */
  @Override
  public Optional<StoredChatData> loadChatData(String chatKey) {
    return chats.load(chatKey);
  }

  @Override
  public void clearOutbox(String key, String outboxId) {
    Objects.requireNonNull(outboxId, "outboxId");
    sessions.asMap().computeIfPresent(key, (k, entry) -> entry.withoutOutbox(outboxId));
  }

  /** {@inheritDoc} One atomic step per session. */
  @Override
  public void clearOutboxes(Map<String, ? extends Collection<String>> idsByKey) {
    idsByKey.forEach((key, ids) -> {
      Set<String> gone = Set.copyOf(ids);
      sessions.asMap().computeIfPresent(key, (k, entry) -> entry.withoutOutboxes(gone));
    });
  }

  /** {@inheritDoc} This store scans every session, so call it for recovery, not per update. */
  @Override
  public List<PendingOutbox> pendingOutboxes(int limit) {
    requirePositive("limit", limit);
    return InMemoryPendingOutboxes.oldest(sessions.asMap(), limit);
  }

  /**
   * {@inheritDoc} Sessions come in the order of their oldest pending entry; each page scans every
   * session, so call it for recovery, not per update.
   */
  @Override
  public PendingPage pendingOutboxes(Optional<String> cursor, int limit) {
    requirePositive("limit", limit);
    return InMemoryPendingOutboxes.page(sessions.asMap(), cursor, limit);
  }

  @Override
  public void scheduleTimer(String key, Instant due) {
    timers.schedule(Objects.requireNonNull(key, "key"), due);
  }

  @Override
  public void cancelTimer(String key) {
    timers.cancel(key);
  }

  @Override
  public boolean cancelTimer(String key, Instant due) {
    return timers.cancel(key, due);
  }

  /** {@inheritDoc} One compare-and-set on the timer's score. */
  @Override
  public boolean rescheduleTimer(String key, Instant from, Instant to) {
    return timers.reschedule(key, from, to);
  }

  @Override
  public List<String> claimDueTimers(Instant now, Duration lease, int limit) {
    requirePositive("limit", limit);
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease is " + lease + "; it must be positive");
    }
    return timers.claim(now, lease, limit);
  }

  /** {@inheritDoc} One compare-and-set per timer. */
  @Override
  public int wakeTimersDueBy(Instant horizon, Instant now) {
    if (horizon.isBefore(now)) {
      throw new IllegalArgumentException("horizon " + horizon + " is before now " + now);
    }
    return timers.wake(horizon, now);
  }

  /** {@inheritDoc} Here the inbox and the timer change in one atomic step. */
  @Override
  public void appendSignal(String key, InboxEntry entry) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(entry, "entry");
    inboxes.append(key, entry, () -> timers.lower(key, entry.at().toEpochMilli()));
  }

  @Override
  public List<InboxEntry> inbox(String key) {
    return inboxes.list(Objects.requireNonNull(key, "key"));
  }

  @Override
  public boolean addDeadLetter(DeadLetter letter) {
    return deadLetters.add(Objects.requireNonNull(letter, "letter"));
  }

  @Override
  public List<DeadLetter> deadLetters(int limit) {
    requirePositive("limit", limit);
    return deadLetters.list(limit);
  }

  @Override
  public Optional<DeadLetter> takeDeadLetter(String id) {
    return deadLetters.take(Objects.requireNonNull(id, "id"));
  }

  @Override
  public OptionalLong loadMarker() {
    return marker.get();
  }

  @Override
  public void saveMarker(long value) {
    marker.updateAndGet(old -> old.isPresent() && old.getAsLong() >= value ? old : OptionalLong.of(value));
  }

  /** {@inheritDoc} Held in this process only, on the store's ticker. */
  @Override
  public boolean tryAcquireLease(String name, String owner, Duration ttl) {
    Leases.check(name, owner, ttl);
    return leases.acquire(name, owner, ttl);
  }

  @Override
  public boolean renewLease(String name, String owner, Duration ttl) {
    Leases.check(name, owner, ttl);
    return leases.renew(name, owner, ttl);
  }

  @Override
  public void releaseLease(String name, String owner) {
    Leases.check(name, owner, Duration.ofMillis(1));
    leases.release(name, owner);
  }

  /** Drops every session; the store keeps working but is empty. */
  @Override
  public void close() {
    sessions.invalidateAll();
    sessions.cleanUp();
  }

  /** Runs pending evictions now; for tests that check the bound. */
  void cleanUp() {
    sessions.cleanUp();
  }

  /** The number of sessions held, after pending evictions; for tests. */
  long size() {
    sessions.cleanUp();
    return sessions.estimatedSize();
  }

  static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " is " + value + "; it must be positive");
    }
  }

  /** Expires each entry at the deadline its commit set; reads do not extend it (as in Redis). */
  private static final class DeadlineExpiry implements Expiry<String, SessionEntry> {
    @Override
    public long expireAfterCreate(String key, SessionEntry value, long currentTime) {
      return Math.max(0, value.expiresAtNanos() - currentTime);
    }

    @Override
    public long expireAfterUpdate(
        String key, SessionEntry value, long currentTime, long currentDuration) {
      return Math.max(0, value.expiresAtNanos() - currentTime);
    }

    @Override
    public long expireAfterRead(
        String key, SessionEntry value, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }

  /** Settings of an {@link InMemorySessionStore}; not thread-safe. */
  public static final class Builder {
    private long maximumSessions = 100_000;
    private Ticker ticker = Ticker.systemTicker();
    // The calling thread: a hand-off to a pool per commit costs more in wake-ups than the work.
    private Executor executor = Runnable::run;

    private Builder() {}

    /** How many sessions to keep at most (default 100,000); beyond it the coldest are evicted. */
    public Builder maximumSessions(long maximum) {
      if (maximum < 1) {
        throw new IllegalArgumentException("maximumSessions is " + maximum + "; it must be >= 1");
      }
      this.maximumSessions = maximum;
      return this;
    }

    /** The time source for idle TTLs (default: {@link Ticker#systemTicker()}); tests pass a fake. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /**
     * Where the cache runs eviction work (default: the thread that reads or writes, which keeps
     * the bound exact after every commit).
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Returns a new, empty store with these settings. */
    public InMemorySessionStore build() {
      return new InMemorySessionStore(this);
    }
  }
}
