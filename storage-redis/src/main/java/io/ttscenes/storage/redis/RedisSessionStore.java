package io.ttscenes.storage.redis;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.ChatDataWrite;
import io.ttscenes.api.store.ChatKeys;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.DeadLetter;
import io.ttscenes.api.store.InboxEntry;
import io.ttscenes.api.store.Leases;
import io.ttscenes.api.store.OutboxEntry;
import io.ttscenes.api.store.PendingOutbox;
import io.ttscenes.api.store.PendingPage;
import io.ttscenes.api.store.SessionRead;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoreUnavailableException;
import io.ttscenes.api.store.StoredChatData;
import io.ttscenes.api.store.StoredSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A {@link SessionStore} on Redis: a load is one HGETALL, a commit one EVALSHA of a Lua
 * compare-and-set script, so an update costs two commands (one on a near-cache hit, and one for
 * a new session through {@link #loadOrGuess}: a refused commit returns the session it found).
 *
 * <p>Key layout, for prefix {@code P} (default {@code tts:bot:}) and an escaped session key K:
 * <ul>
 *   <li>{@code P s:{K}} HASH: {@code v} version, {@code d} data, {@code u} recent update ids
 *       joined by \n (an id containing one stored Base64url-encoded behind a U+0001 marker), those
 *       of the last {@link #RECENT_UPDATE_WINDOW}, at least {@link #RECENT_UPDATE_IDS}, at most
 *       {@link #RECENT_UPDATE_IDS_CAP}; {@code t} the commit second of each, joined the same way;
 *       expires after the commit's idle TTL.
 *   <li>{@code P s:{K}:barrier} STRING, cluster mode: set and deleted at once (PX 1000 in case
 *       the DEL never runs) after each commit (before its replica wait), and by a read after a
 *       commit in its slot was left unconfirmed ({@link ReplicaAcks#barrierKey}).
 *   <li>{@code P o:{K}} HASH: outbox id to "version:payload"; same hash slot and TTL.
 *   <li>{@code P outboxes:<n>} ZSET, 16 shards as for the timers: sessions with a pending outbox,
 *       scored by write time (index). {@code P outboxes}, the index before the shards, is still
 *       walked (last) and emptied.
 *   <li>{@code P timers:<n>} ZSET, 16 shards by the session key's hash: session key scored by the
 *       due epoch ms of its earliest scheduled job (lease end once claimed). {@code P timers},
 *       written by earlier versions, is still claimed from and cleaned up.
 *   <li>{@code P marker} STRING: the long-poll marker; a script stores it only when it grows.
 *   <li>{@code P cd:{c:<chat>}} HASH: {@code v} version, {@code d} data shared by the chat's
 *       members; its members' sessions are tagged {@code {c:<chat>}} too ({@link ChatKeys}).
 *   <li>{@code P lease:<name>} STRING: the owner of a lease (e.g. {@code poller}), with its TTL.
 *   <li>{@code P dl:{P dl}} HASH dead letter id to the letter, {@code P dlt:{P dl}} ZSET id scored
 *       by its time (one slot); both expire {@link #DEAD_LETTER_AGE} after the last letter.
 * </ul>
 * A session's commit and load touch only keys tagged {@code {K}}, one hash slot. The timer shards
 * and the outbox index live in other slots. On one node the commit script also maintains both,
 * when they change; in cluster mode a ZADD before the commit does (a third command on updates
 * that write an outbox or whose session has scheduled jobs), and a stale member is harmless.
 *
 * <p>Thread-safe. Every method throws {@link io.ttscenes.api.store.StoreUnavailableException}
 * when Redis cannot be reached or cannot serve yet (connection loss, LOADING, READONLY after a
 * failover, which also drops the pooled connections); the pool reconnects, so the same instance
 * works again afterwards. Errors that waiting cannot fix (OOM, WRONGTYPE, CROSSSLOT, script
 * errors) throw {@link io.ttscenes.api.store.StoreRejectedException} instead.
 */
public final class RedisSessionStore implements SessionStore {
  private static final Logger LOG = LoggerFactory.getLogger(RedisSessionStore.class);
  private static final LuaScript COMMIT = LuaScript.fromResource("commit.lua");
  private static final LuaScript SAVE_MARKER = LuaScript.fromResource("save-marker.lua");
  // The commit script's dedupe window: '<floor> <seconds> <cap>' (see SessionStore.RECENT_UPDATE_WINDOW).
  private static final String DEDUPE_WINDOW = RECENT_UPDATE_IDS + " " + RECENT_UPDATE_WINDOW.toSeconds()
      + " " + RECENT_UPDATE_IDS_CAP;

  private final UnifiedJedis jedis;
  private final RedisKeys keys;
  private final Guard guard;
  private final Optional<NearCache> nearCache;
  private final boolean cluster;
  private final Clock clock;
  private final RedisOutboxes outboxes;
  private final RedisLeases leases;
  private final Optional<ReplicaAcks> replicaAcks;
  private final String where;
  private final boolean unsafeServerAllowed;
  private final RedisTimers timers;
  private final RedisInboxes inboxes;
  private final RedisDeadLetters deadLetters;

  private RedisSessionStore(UnifiedJedis jedis, RedisConfig config, Clock clock) {
    this.jedis = Objects.requireNonNull(jedis, "jedis");
    this.keys = new RedisKeys(config.keyPrefix());
    this.guard = new Guard(config.redactedUrl(), () -> dropIdleConnections(jedis));
    this.where = config.redactedUrl();
    this.unsafeServerAllowed = config.unsafeServerAllowed();
    this.nearCache = config.nearCache()
        ? Optional.of(new NearCache(config.nearCacheSize(), config.nearCacheTtl()))
        : Optional.empty();
    this.cluster = config.cluster() || jedis instanceof JedisCluster
        || jedis instanceof RedisClusterClient;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.outboxes = new RedisOutboxes(jedis, keys, guard, clock, cluster);
    this.leases = new RedisLeases(jedis, keys, guard);
    // WAIT returns well inside the socket timeout, which bounds the whole call.
    this.replicaAcks = ReplicaAcks.of(jedis, config.socketTimeout().dividedBy(4), config.redactedUrl());
    this.timers = new RedisTimers(jedis, keys, guard, cluster);
    this.inboxes = new RedisInboxes(jedis, keys, guard, timers);
    this.deadLetters = new RedisDeadLetters(jedis, keys, guard);
  }

  /**
   * Asks the server whether its settings can lose sessions (an eviction policy other than
   * {@code noeviction}, or neither AOF nor RDB persistence). Throws {@link IllegalStateException}
   * listing the problems, unless {@link RedisConfig#unsafeServerAllowed()}, in which case they are
   * logged as a warning; a server that refuses CONFIG (some managed services) is logged, not
   * refused. Returns this store. The REDIS_URL provider and {@link RedisStoreModule} call it.
   */
  public RedisSessionStore checkServer() {
    List<String> problems;
    try {
      problems = ServerSafety.problems(jedis);
    } catch (JedisDataException e) {
      LOG.warn("redis at {}: cannot check its eviction and persistence settings ({})", where, e.getMessage());
      return this;
    } catch (JedisException e) {
      throw new StoreUnavailableException(
          "redis at " + where + ": checking its settings failed: " + e.getMessage(), e);
    }
    if (problems.isEmpty()) {
      return this;
    }
    String text = "redis at " + where + " can lose sessions: " + String.join("; ", problems);
    if (!unsafeServerAllowed) {
      throw new IllegalStateException(text + ". Fix the server, or start anyway with "
          + "TTSCENES_REDIS_UNSAFE_OK=true (RedisConfig.Builder.allowUnsafeServer)");
    }
    LOG.warn("{} (allowed by TTSCENES_REDIS_UNSAFE_OK)", text);
    return this;
  }

  private static void dropIdleConnections(UnifiedJedis jedis) {
    if (jedis instanceof RedisClient pooled) {
      // Connections opened before a failover still reach the demoted node; new ones follow the address.
      pooled.getPool().clear();
    }
  }

  /**
   * Connects to the server of {@code config} through pools of {@link RedisConfig#poolSize()}
   * connections: a standalone server lazily (this call does no I/O), a Redis Cluster
   * ({@link RedisConfig#clusterNodes()}) through Jedis' cluster client, which reads the slot map
   * from a seed node now.
   *
   * @throws io.ttscenes.api.store.StoreUnavailableException when no seed node of a cluster answers
   */
  public static RedisSessionStore create(RedisConfig config) {
    UnifiedJedis jedis = new Guard(config.redactedUrl(), () -> { })
        .call("reading the cluster's slot map", () -> RedisClients.create(config));
    return new RedisSessionStore(jedis, config, Clock.systemUTC());
  }

  /**
   * Uses {@code jedis}, which may be any {@link UnifiedJedis}: a {@code RedisClusterClient} or
   * {@code JedisCluster} (cluster mode is then implied), a Sentinel-backed
   * {@code RedisSentinelClient} or {@code JedisSentineled}, or a pooled standalone client. Only the key prefix, near cache and cluster settings of {@code config} apply.
   * The store owns the client and closes it on {@link #close()}.
   */
  public static RedisSessionStore create(UnifiedJedis jedis, RedisConfig config) {
    return new RedisSessionStore(jedis, config, Clock.systemUTC());
  }

  /** As {@link #create(RedisConfig)} on {@code clock} (the outbox index, the dedupe window's time). */
  static RedisSessionStore create(RedisConfig config, Clock clock) {
    UnifiedJedis jedis = new Guard(config.redactedUrl(), () -> { })
        .call("reading the cluster's slot map", () -> RedisClients.create(config));
    return new RedisSessionStore(jedis, config, clock);
  }

  /** As {@link #create(UnifiedJedis, RedisConfig)} with the clock that scores the outbox index. */
  public static RedisSessionStore create(UnifiedJedis jedis, RedisConfig config, Clock clock) {
    return new RedisSessionStore(jedis, config, clock);
  }

  @Override
  public Optional<StoredSession> load(String key) {
    Optional<StoredSession> cached = nearCache.flatMap(c -> c.get(key));
    if (cached.isPresent()) {
      return cached;
    }
    return read(key);
  }

  /**
   * {@inheritDoc} With the near cache on, a session it holds costs no command; a session it does
   * not hold but whose key this instance knows to exist (committed or read here, within the
   * session's TTL) costs one HGETALL as {@link #load}; any other key is guessed absent (no
   * command): the commit script refuses a commit expecting version 0 of an existing session and
   * returns that session in its reply, which the near cache then keeps. So a returning user whose
   * session left the near cache is read, not guessed; after a restart (nothing known) the first
   * update of each returning user is guessed. Without the near cache, always one HGETALL.
   */
  @Override
  public SessionRead loadOrGuess(String key) {
    if (nearCache.isEmpty()) {
      return SessionRead.loaded(read(key));
    }
    Optional<StoredSession> cached = nearCache.get().get(key);
    if (cached.isPresent()) {
      return SessionRead.loaded(cached);
    }
    return nearCache.get().knows(key) ? SessionRead.loaded(read(key)) : SessionRead.guessedAbsent();
  }

  /**
   * {@inheritDoc} Always one HGETALL; a near-cache entry older than what Redis holds is dropped, so
   * the next {@link #load} reads Redis too.
   */
  @Override
  public Optional<StoredSession> loadLatest(String key) {
    Optional<StoredSession> latest = read(key);
    nearCache.ifPresent(cache -> {
      long version = latest.map(StoredSession::version).orElse(0L);
      if (cache.get(key).filter(c -> c.version() == version).isEmpty()) {
        cache.invalidate(key);
      }
    });
    return latest;
  }

  private Optional<StoredSession> read(String key) {
    // A read back after an unconfirmed commit must not find it on a master that then loses it.
    replicaAcks.ifPresent(acks -> acks.confirmBeforeRead(keys.session(key), "reading session '" + key + "'"));
    // HGETALL rather than HMGET of the three fields (the others are the wake and the inbox flag,
    // which alone make no session): the commit script
    // reads with HMGET, and a distinct command keeps client reads apart in INFO commandstats.
    Map<String, String> fields = guard.call("loading session '" + key + "'",
        () -> jedis.hgetAll(keys.session(key)));
    String version = fields.get("v");
    String data = fields.get("d");
    boolean found = version != null && data != null;
    nearCache.ifPresent(c -> c.read(key, found));
    if (!found) {
      return Optional.empty();
    }
    return Optional.of(
        new StoredSession(Long.parseLong(version), data, UpdateIds.split(fields.get("u"))));
  }

  /**
   * {@inheritDoc} Update ids are stored joined by line breaks; one containing a line break is
   * stored encoded (see {@code UpdateIds}) and read back as it was.
   *
   * @throws IllegalArgumentException if the update id is empty
   */
  @Override
  public CommitResult commit(Commit commit) {
    String id = commit.updateId();
    if (id.isEmpty()) {
      throw new IllegalArgumentException("updateId is empty; it must have at least one character");
    }
    if (cluster && commit.outbox().isPresent()) {
      outboxes.indexBeforeCommit(commit.key());
    }
    if (cluster) {
      commit.wake().ifPresent(wake -> timers.lowerBeforeCommit(commit.key(), wake));
    }
    List<?> reply;
    try {
      reply = (List<?>) guard.call("committing session '" + commit.key() + "'",
          () -> COMMIT.run(jedis, commitKeys(commit), commitArgs(commit)));
    } catch (RuntimeException e) {
      nearCache.ifPresent(c -> c.invalidate(commit.key()));
      replicaAcks.ifPresent(acks -> acks.outcomeUnknown(keys.session(commit.key())));
      throw e;
    }
    long version = (Long) reply.get(1);
    if ((Long) reply.get(0) == 0L) {
      return refused(commit.key(), version, reply);
    }
    boolean confirmed = false;
    try {
      afterWin(commit, reply);
      confirmed = true;
    } finally {
      if (!confirmed) {
        // The commit is applied, and no replica is known to have it (the timer's call, in another
        // slot, may have failed before the replica wait): a read back there confirms first.
        nearCache.ifPresent(c -> c.invalidate(commit.key()));
        replicaAcks.ifPresent(acks -> acks.outcomeUnknown(keys.session(commit.key())));
      }
    }
    nearCache.ifPresent(c -> c.put(commit.key(),
        new StoredSession(version, commit.data(), UpdateIds.split((String) reply.get(2))),
        Duration.ofMillis(ttlMillis(commit))));
    return new CommitResult.Committed(version, (Long) reply.get(5) == 1L);
  }

  /**
   * The conflict of a refused commit, carrying the session when the script returned it (an
   * existing session whose version differed). The near cache then holds it, for at most its
   * remaining TTL in Redis: it was read in the refusing step, so it is no older than Redis then,
   * and a newer copy cached meanwhile stays. A refusal without it drops the cached copy.
   */
  private CommitResult.Conflict refused(String key, long version, List<?> reply) {
    if (reply.size() < 5) {
      // Version 0: no session (a refused chat data write on a guess that was right, or a stale
      // update of a session that expired), so the key is no longer known to exist either.
      nearCache.ifPresent(c -> c.invalidate(key));
      nearCache.filter(c -> version == 0).ifPresent(c -> c.read(key, false));
      return new CommitResult.Conflict(version);
    }
    StoredSession current = new StoredSession(version, (String) reply.get(2), UpdateIds.split((String) reply.get(3)));
    long remaining = (Long) reply.get(4);
    Duration ttl = remaining > 0 ? Duration.ofMillis(remaining) : Commit.MAX_TTL;
    nearCache.ifPresent(c -> c.put(key, current, ttl));
    return new CommitResult.Conflict(version, Optional.of(current));
  }

  /**
   * Cluster mode, once a commit won: sets the timer to exactly the new wake when it changed (it is
   * in another slot), then waits for a replica to hold the commit (see {@link ReplicaAcks}).
   */
  private void afterWin(Commit commit, List<?> reply) {
    // Signals waiting in the inbox lowered the timer when they came; it must not move later.
    if (cluster && (Long) reply.get(3) == 1L && (Long) reply.get(4) == 0L) {
      timers.setAfterCommit(commit.key(), commit.wake());
    }
    replicaAcks.ifPresent(acks -> acks.await(keys.session(commit.key()),
        "the commit of session '" + commit.key() + "'"));
  }

  private List<String> commitKeys(Commit commit) {
    String key = commit.key();
    List<String> list = new ArrayList<>(cluster
        ? List.of(keys.session(key), keys.outbox(key), keys.inbox(key))
        : List.of(keys.session(key), keys.outbox(key), keys.inbox(key), keys.outboxIndex(key), keys.timers(key)));
    commit.chatData().ifPresent(chat -> list.add(keys.chatData(chat.chatKey())));
    return list;
  }

  private List<String> commitArgs(Commit commit) {
    List<String> args = new ArrayList<>(List.of(
        Long.toString(commit.expectedVersion()),
        commit.data(),
        UpdateIds.encode(commit.updateId()),
        Long.toString(ttlMillis(commit)),
        DEDUPE_WINDOW,
        commit.outbox().map(o -> o.id()).orElse(""),
        commit.outbox().map(o -> o.payload()).orElse(""),
        commit.key(),
        Long.toString(clock.millis()),
        nearCache.isPresent() ? "1" : "0",
        commit.wake().map(w -> Long.toString(w.toEpochMilli())).orElse(""),
        Integer.toString(commit.consumedSignalIds().size()),
        commit.chatData().map(chat -> Long.toString(chat.expectedVersion())).orElse(""),
        commit.chatData().map(ChatDataWrite::data).orElse(""),
        commit.chatData().map(chat -> Long.toString(Math.max(1, chat.storedTtl().toMillis()))).orElse("")));
    args.addAll(commit.consumedSignalIds());
    args.addAll(commit.clearedOutboxIds());
    return args;
  }

  /**
   * The commit's stored TTL ({@link Commit#storedTtl()}, capped: a refusal of a huge PEXPIRE inside
   * the commit script would leave the session written without its outbox) in milliseconds, at least 1.
   */
  static long ttlMillis(Commit commit) {
    return Math.max(1, commit.storedTtl().toMillis());
  }

  /** {@inheritDoc} One {@code HGET} in the session's slot. */
  @Override
  public Optional<OutboxEntry> outboxEntry(String key, String outboxId) {
    String stored = guard.call("reading outbox entry '" + outboxId + "' of session '" + key + "'",
        () -> jedis.hget(keys.outbox(key), outboxId));
    // Stored as "version:payload" (see commit.lua).
    return Optional.ofNullable(stored).map(s -> new OutboxEntry(outboxId, s.substring(s.indexOf(':') + 1)));
  }

  @Override
  public void clearOutbox(String key, String outboxId) {
    Objects.requireNonNull(outboxId, "outboxId");
    outboxes.clear(Map.of(key, List.of(outboxId)));
  }

  /**
   * {@inheritDoc} On one node one EVALSHA per {@value RedisOutboxes#CLEAR_BATCH} entries,
   * whatever the number of sessions; in cluster mode one HDEL per session.
   */
  @Override
  public void clearOutboxes(Map<String, ? extends Collection<String>> idsByKey) {
    outboxes.clear(idsByKey);
  }

  /** {@inheritDoc} Costs one read per session listed; meant for recovery, not per update. */
  @Override
  public List<PendingOutbox> pendingOutboxes(int limit) {
    requirePositive("limit", limit);
    return outboxes.list(limit);
  }

  /**
   * {@inheritDoc} Sessions come in index order (the time each outbox appeared); the cursor is a
   * position in the index, not an offset, so sessions cleared during the walk shift nothing. One
   * EVALSHA per batch of sessions plus one read per session listed.
   */
  @Override
  public PendingPage pendingOutboxes(Optional<String> cursor, int limit) {
    requirePositive("limit", limit);
    return outboxes.page(cursor, limit);
  }

  @Override
  public void scheduleTimer(String key, Instant due) {
    timers.schedule(key, due);
  }

  @Override
  public void cancelTimer(String key) {
    timers.cancel(key);
  }

  /** {@inheritDoc} One EVALSHA on a single node; in cluster mode one per timer key, shard first. */
  @Override
  public boolean cancelTimer(String key, Instant due) {
    return timers.cancelIf(key, due);
  }

  /** {@inheritDoc} One EVALSHA on a single node; in cluster mode one per timer key, shard first. */
  @Override
  public boolean rescheduleTimer(String key, Instant from, Instant to) {
    return timers.rescheduleIf(key, from, to);
  }

  /**
   * {@inheritDoc} Walks the 16 timer shards (and the unsharded key of earlier versions): on a
   * single node in one EVALSHA, earliest first over all of them; in cluster mode one EVALSHA per
   * shard until {@code limit} are claimed, earliest first within each shard.
   */
  @Override
  public List<String> claimDueTimers(Instant now, Duration lease, int limit) {
    requirePositive("limit", limit);
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease is " + lease + "; it must be positive");
    }
    return timers.claim(now, now.plus(lease), limit);
  }

  /** {@inheritDoc} One EVALSHA per timer key (17), each moving that key's timers in one step. */
  @Override
  public int wakeTimersDueBy(Instant horizon, Instant now) {
    if (horizon.isBefore(now)) {
      throw new IllegalArgumentException("horizon " + horizon + " is before now " + now);
    }
    return timers.wake(horizon, now);
  }

  /**
   * {@inheritDoc} Three commands: {@code HSETNX} on the inbox and {@code HSET} of the session's
   * inbox flag (the session's slot), then {@code ZADD LT} on its timer shard; calling again after
   * a failure in between is safe.
   */
  @Override
  public void appendSignal(String key, InboxEntry entry) {
    inboxes.append(key, entry);
  }

  /** {@inheritDoc} One {@code HGETALL}. */
  @Override
  public List<InboxEntry> inbox(String key) {
    return inboxes.list(key);
  }

  /** {@inheritDoc} One {@code HMGET} in the chat's slot, never from the near cache. */
  @Override
  public Optional<StoredChatData> loadChatData(String chatKey) {
    if (!ChatKeys.isChat(chatKey)) {
      throw new IllegalArgumentException("'" + chatKey + "' is not a chat key c:<id>");
    }
    List<String> fields = guard.call("loading the data of chat '" + chatKey + "'",
        () -> jedis.hmget(keys.chatData(chatKey), "v", "d"));
    if (fields.get(0) == null || fields.get(1) == null) {
      return Optional.empty();
    }
    return Optional.of(new StoredChatData(Long.parseLong(fields.get(0)), fields.get(1)));
  }

  /** {@inheritDoc} One script on the bot's two dead-letter keys (one slot in a cluster). */
  @Override
  public boolean addDeadLetter(DeadLetter letter) {
    return deadLetters.add(Objects.requireNonNull(letter, "letter"));
  }

  /** {@inheritDoc} ZRANGE then HMGET: a letter taken in between is left out. */
  @Override
  public List<DeadLetter> deadLetters(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit is " + limit + "; it must be >= 1");
    }
    return deadLetters.list(limit);
  }

  @Override
  public Optional<DeadLetter> takeDeadLetter(String id) {
    return deadLetters.take(Objects.requireNonNull(id, "id"));
  }

  @Override
  public OptionalLong loadMarker() {
    String marker = guard.call("loading the poll marker", () -> jedis.get(keys.marker()));
    return marker == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(marker));
  }

  /** {@inheritDoc} One EVALSHA of a compare-and-set script. */
  @Override
  public void saveMarker(long marker) {
    guard.call("saving the poll marker",
        () -> SAVE_MARKER.run(jedis, List.of(keys.marker()), List.of(Long.toString(marker))));
  }

  /** {@inheritDoc} {@code SET NX PX}, or the renewal script when the owner holds it already. */
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

  /** Closes the Redis client and drops the near cache. */
  @Override
  public void close() {
    nearCache.ifPresent(NearCache::clear);
    jedis.close();
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " is " + value + "; it must be positive");
    }
  }
}
