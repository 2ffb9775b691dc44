package io.ttscenes.storage.redis;

import io.ttscenes.api.store.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Cluster mode: a commit counts as done only once its master has passed it to a replica, so the
 * failover of that master cannot lose it. {@code WAIT} covers the writes of its own connection,
 * and the commit ran on some pooled one; so a barrier write (the session's {@code PEXPIRE},
 * which the commit just set) and {@code WAIT 1} go together on one connection to the slot's
 * master: replication is in order, so the barrier's ack covers the commit before it. A master with
 * no replica connected (a master-only cluster, or one just promoted) is not waited for at all: its
 * {@code ROLE} is asked once per {@link #PAUSE} and the answer applies to all of its slots. A
 * {@code WAIT} that no replica answers in time leaves the commit unconfirmed (an error) unless the
 * master's {@code ROLE}, asked again, lists no replica any more.
 */
final class ReplicaAcks {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaAcks.class);
  // After a ROLE that lists no replica (a master without one, e.g. just promoted, or a
  // master-only cluster), commits on that master's slots go unconfirmed for this long instead of
  // each waiting out the timeout; what ROLE says is also kept this long.
  static final Duration PAUSE = Duration.ofSeconds(5);
  private static final int SLOTS = 16384;

  private final IntFunction<Connection> connectionToSlot;
  private final long timeoutMillis;
  private final String where;
  // Per slot, the System.nanoTime() until which its commits are not waited for (0: never paused).
  private final AtomicLongArray pausedUntil = new AtomicLongArray(SLOTS);
  // Per slot, the System.nanoTime() until which its master is known to have a replica (0: unknown).
  private final AtomicLongArray replicatedUntil = new AtomicLongArray(SLOTS);
  private final AtomicBoolean warnedNoReplica = new AtomicBoolean();

  private ReplicaAcks(IntFunction<Connection> connectionToSlot, Duration timeout, String where) {
    this.connectionToSlot = connectionToSlot;
    this.timeoutMillis = Math.max(1, timeout.toMillis());
    this.where = where;
  }

  /** Acks for a cluster client's commits; empty for one server, which has no failover to lose to. */
  static Optional<ReplicaAcks> of(UnifiedJedis jedis, Duration timeout, String where) {
    if (jedis instanceof RedisClusterClient cluster) {
      return Optional.of(new ReplicaAcks(cluster::getConnectionFromSlot, timeout, where));
    }
    if (jedis instanceof JedisCluster cluster) {
      return Optional.of(new ReplicaAcks(cluster::getConnectionFromSlot, timeout, where));
    }
    return Optional.empty();
  }

  /**
   * Returns once a replica has the commit that just wrote {@code sessionKey} with {@code ttlMillis}
   * (at once while paused, see {@link #PAUSE}).
   *
   * @throws StoreUnavailableException when the slot's master cannot be asked or is another node
   *     now: the commit is then not known to survive, and the caller treats its outcome as unknown
   */
  void await(String sessionKey, long ttlMillis, String what) {
    int slot = JedisClusterCRC16.getSlot(sessionKey);
    long now = System.nanoTime();
    if (current(pausedUntil, slot, now)) {
      return;
    }
    try (Connection connection = connectionToSlot.apply(slot)) {
      if (!current(replicatedUntil, slot, now) && !hasReplica(connection, slot, now)) {
        return;
      }
      connection.sendCommand(Protocol.Command.PEXPIRE, sessionKey, Long.toString(ttlMillis));
      connection.sendCommand(Protocol.Command.WAIT, "1", Long.toString(timeoutMillis));
      List<Object> replies = connection.getMany(2);
      if (!(replies.get(0) instanceof Long) || !(replies.get(1) instanceof Long acks)) {
        // An error reply (MOVED: the slot has another master now) leaves the commit unconfirmed.
        throw unconfirmed(what, replies.get(0) + ", " + replies.get(1), null);
      }
      if (acks >= 1L) {
        return;
      }
      // No replica confirmed the commit in time. If the master lists none now (its only replica
      // died and the link dropped), it is a master without a replica, not waited for from here on
      // (hasReplica pauses its slots and warns). A replica still listed is connected but behind
      // (a loaded machine, a long sync): acknowledging the commit now, or pausing the wait, would
      // let a failover to that replica lose commits the store reported done.
      if (hasReplica(connection, slot, System.nanoTime())) {
        throw unconfirmed(what, "no replica acknowledged it within " + timeoutMillis + " ms", null);
      }
    } catch (JedisException e) {
      throw unconfirmed(what, e.getMessage(), e);
    }
  }

  private static boolean current(AtomicLongArray until, int slot, long now) {
    long value = until.get(slot);
    return value != 0 && now - value < 0;
  }

  /**
   * Asks the node behind {@code connection} for its {@code ROLE} and remembers the answer for all
   * of its slots for {@link #PAUSE}; a node that is not a master (any more) counts as replicated,
   * so the wait that follows reports the redirect as an unconfirmed commit.
   */
  private boolean hasReplica(Connection connection, int slot, long now) {
    Object role = connection.executeCommand(new CommandArguments(Protocol.Command.ROLE));
    boolean replicated = !(role instanceof List<?> fields) || fields.size() < 3
        || !"master".equals(text(fields.get(0)))
        || !(fields.get(2) instanceof List<?> replicas) || !replicas.isEmpty();
    if (replicated) {
      markMasterOf(connection, slot, replicatedUntil, now + PAUSE.toNanos());
      return true;
    }
    markMasterOf(connection, slot, pausedUntil, now + PAUSE.toNanos());
    if (warnedNoReplica.compareAndSet(false, true)) {
      LOG.warn("redis at {}: a master has no replica connected; commits on its slots are not "
          + "confirmed by a replica (checked again every {} s), and its failure loses them", where,
          PAUSE.toSeconds());
    }
    return false;
  }

  private static String text(Object reply) {
    return reply instanceof byte[] raw ? new String(raw, StandardCharsets.UTF_8) : String.valueOf(reply);
  }

  /** Sets {@code until} on every slot the master behind {@code connection} serves (at least {@code slot}). */
  private static void markMasterOf(Connection connection, int slot, AtomicLongArray array, long until) {
    array.set(slot, until);
    Object nodes = connection.executeCommand(new CommandArguments(Protocol.Command.CLUSTER).add("NODES"));
    int[] ranges = SlotRanges.ofMyself(text(nodes));
    for (int i = 0; i + 1 < ranges.length; i += 2) {
      for (int s = ranges[i]; s <= ranges[i + 1]; s++) {
        array.set(s, until);
      }
    }
  }

  private StoreUnavailableException unconfirmed(String what, String detail, Exception cause) {
    return new StoreUnavailableException("redis at " + where + ": " + what
        + " was not confirmed by a replica: " + detail, cause);
  }
}
