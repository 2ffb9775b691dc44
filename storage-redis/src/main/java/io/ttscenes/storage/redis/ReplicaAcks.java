package io.ttscenes.storage.redis;

import io.ttscenes.api.store.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisRedirectionException;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Cluster mode: a commit counts as done only once its master has passed it to a replica, so the
 * failover of that master cannot lose it. {@code WAIT} covers the writes of its own connection,
 * and the commit ran on some pooled one; so a barrier write (a scratch key in the session's slot,
 * {@link #barrierKey}, never the session itself) and {@code WAIT 1} go together on one connection
 * to the slot's master: replication is in order, so the barrier's ack covers the commit before it. A master with
 * no replica (a master-only cluster, one just promoted, or one whose replica the cluster marked
 * failed) is not waited for at all: its {@code ROLE} and {@code CLUSTER NODES} are asked once per
 * {@link #PAUSE} and the answer applies to all of its slots. A {@code WAIT} that no replica answers
 * in time leaves the commit unconfirmed (an error) unless the master, asked again, is such a
 * master now; one that lists no replica connected while the cluster still has a live replica of it
 * (its link dropped, or it was demoted while stalled and does not know yet) confirms nothing.
 */
final class ReplicaAcks {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaAcks.class);
  // After a ROLE that lists no replica (a master without one, e.g. just promoted, or a
  // master-only cluster), commits on that master's slots go unconfirmed for this long instead of
  // each waiting out the timeout; what ROLE says is also kept this long.
  static final Duration PAUSE = Duration.ofSeconds(5);
  private static final int SLOTS = 16384;

  private final IntFunction<Connection> connectionToSlot;
  // Sends a read of the key through the cluster client, which renews its slot map when the
  // slot's master it names cannot be reached (getConnectionFromSlot alone never does).
  private final Consumer<String> reroute;
  private final long timeoutMillis;
  private final String where;
  // Per slot, the System.nanoTime() until which its commits are not waited for (0: never paused).
  private final AtomicLongArray pausedUntil = new AtomicLongArray(SLOTS);
  // Per slot, the System.nanoTime() until which its master is known to have a replica (0: unknown).
  private final AtomicLongArray replicatedUntil = new AtomicLongArray(SLOTS);
  // Per slot, a stamp (never 0) set once a commit there was left unconfirmed (or its outcome
  // unknown), cleared when a replica confirmed a barrier sent after it was seen: reads there first
  // confirm (confirmBeforeRead). A stamp set meanwhile by another commit stays.
  private final AtomicLongArray unconfirmedWrites = new AtomicLongArray(SLOTS);
  private final AtomicLong stamps = new AtomicLong();
  private final AtomicBoolean warnedNoReplica = new AtomicBoolean();
  // How long the scratch key of a barrier lives if its DEL, sent right after it, never runs.
  private static final String BARRIER_MILLIS = "1000";
  // The barrier key of the last untagged session key (one per key prefix: the empty key's).
  private static volatile Untagged lastUntagged;

  private ReplicaAcks(IntFunction<Connection> connectionToSlot, Consumer<String> reroute, Duration timeout,
      String where) {
    this.connectionToSlot = connectionToSlot;
    this.reroute = reroute;
    this.timeoutMillis = Math.max(1, timeout.toMillis());
    this.where = where;
  }

  /** Acks for a cluster client's commits; empty for one server, which has no failover to lose to. */
  static Optional<ReplicaAcks> of(UnifiedJedis jedis, Duration timeout, String where) {
    Consumer<String> reroute = key -> {
      try {
        jedis.exists(key);
      } catch (JedisException stillUnreachable) {
        // The read that follows reports it.
      }
    };
    if (jedis instanceof RedisClusterClient cluster) {
      return Optional.of(new ReplicaAcks(cluster::getConnectionFromSlot, reroute, timeout, where));
    }
    if (jedis instanceof JedisCluster cluster) {
      return Optional.of(new ReplicaAcks(cluster::getConnectionFromSlot, reroute, timeout, where));
    }
    return Optional.empty();
  }

  /**
   * Returns once a replica has the commit that just wrote {@code sessionKey} (at once while paused,
   * see {@link #PAUSE}).
   *
   * @throws StoreUnavailableException when the slot's master cannot be asked or is another node
   *     now: the commit is then not known to survive, and the caller treats its outcome as unknown
   */
  void await(String sessionKey, String what) {
    int slot = JedisClusterCRC16.getSlot(sessionKey);
    try {
      awaitOn(slot, sessionKey, what);
    } catch (StoreUnavailableException e) {
      unconfirmedWrites.set(slot, stamps.incrementAndGet());
      throw e;
    }
  }

  /**
   * Notes that a write to {@code sessionKey} may have been applied without a replica known to hold
   * it (a connection lost mid-commit, or a failure after the commit's script won and before the
   * replica wait confirmed it): like an unconfirmed commit, reads there confirm first.
   */
  void outcomeUnknown(String sessionKey) {
    unconfirmedWrites.set(JedisClusterCRC16.getSlot(sessionKey), stamps.incrementAndGet());
  }

  /**
   * Before the session {@code sessionKey} is read, if a commit in its slot was left unconfirmed:
   * makes sure a replica of the slot's master holds everything that master holds (a barrier write
   * of a scratch key in the slot, {@link #barrierKey}, and {@code WAIT 1}), so a read back that
   * finds an unconfirmed commit, and makes the engine send its reply, cannot show a write the
   * master's failover then drops. A CRC16 of the key and one check of an array when nothing was
   * left unconfirmed.
   *
   * @throws StoreUnavailableException when no replica confirms it and the master has a live one
   */
  void confirmBeforeRead(String sessionKey, String what) {
    int slot = JedisClusterCRC16.getSlot(sessionKey);
    long stamp = unconfirmedWrites.get(slot);
    if (stamp == 0) {
      return;
    }
    try (Connection connection = connectionToSlot.apply(slot)) {
      // MOVED rerouted: only the cluster client renews its slot map (getConnectionFromSlot never
      // does), and reads alone would never reach the slot's new master.
      if (!barrier(connection, slot, sessionKey, stamp, true, what)) {
        // A master without a replica: nothing can confirm what it holds (see the class comment).
        unconfirmedWrites.compareAndSet(slot, stamp, 0);
      }
    } catch (JedisConnectionException e) {
      // The master the slot map names is gone or cut off: the next try asks the one named now.
      reroute.accept(sessionKey);
      throw unconfirmed(what, e.getMessage(), e);
    } catch (JedisException e) {
      throw unconfirmed(what, e.getMessage(), e);
    }
  }

  /**
   * The scratch key a barrier (a commit's, or a read's) writes for {@code sessionKey}:
   * {@code <sessionKey>:barrier}, in the session's slot since the suffix leaves its hash tag as it
   * is (every session key {@link RedisKeys} makes has one but the empty key's, whose
   * <code>{}</code> is no tag: its slot is the whole key's, and {@code :barrier:<n>} with the first
   * n that lands there is used, some 16,000 tries, kept for the next call). No session key ends
   * so: a tagged key ends with <code>}</code> or with a member's digits.
   */
  static String barrierKey(String sessionKey) {
    int slot = JedisClusterCRC16.getSlot(sessionKey);
    String barrier = sessionKey + ":barrier";
    if (JedisClusterCRC16.getSlot(barrier) == slot) {
      return barrier;
    }
    Untagged last = lastUntagged;
    if (last != null && last.sessionKey().equals(sessionKey)) {
      return last.barrier();
    }
    for (int n = 1; JedisClusterCRC16.getSlot(barrier) != slot; n++) {
      barrier = sessionKey + ":barrier:" + n;
    }
    lastUntagged = new Untagged(sessionKey, barrier);
    return barrier;
  }

  private void awaitOn(int slot, String sessionKey, String what) {
    long now = System.nanoTime();
    if (current(pausedUntil, slot, now)) {
      return;
    }
    try (Connection connection = connectionToSlot.apply(slot)) {
      if (!current(replicatedUntil, slot, now)) {
        Replicas replicas = replicas(connection, slot, now);
        if (replicas.none()) {
          return;
        }
        if (replicas.unreachable() != null) {
          throw unconfirmed(what, replicas.unreachable(), null);
        }
      }
      // An error reply (MOVED: the slot has another master now) leaves the commit unconfirmed;
      // the read back that follows reroutes.
      barrier(connection, slot, sessionKey, unconfirmedWrites.get(slot), false, what);
    } catch (JedisException e) {
      throw unconfirmed(what, e.getMessage(), e);
    }
  }

  /**
   * Sends the barrier of {@code sessionKey} ({@link #barrierKey} set and deleted: always a write,
   * so always replicated, also when the session is absent, never the session itself, whose TTL
   * another instance's commit may have set since, and no key left behind) and {@code WAIT 1},
   * pipelined on {@code connection} to
   * the slot's master ({@code WAIT} is only sure to cover its own connection's writes: 7.0 takes
   * the master's whole offset, newer Redis may not); replication is in order, so a replica's ack
   * covers everything the master held before. Returns true once
   * a replica acknowledged it, clearing the slot's unconfirmed-commit flag if it is still
   * {@code stamp}; false when none did and the master has no replica ({@link Replicas#none()}).
   *
   * @throws StoreUnavailableException on an error reply (after having the cluster client renew
   *     its slot map on a redirect, if {@code rerouteOnMoved}), or when no replica acknowledged
   *     it and the master has one
   */
  private boolean barrier(Connection connection, int slot, String sessionKey, long stamp, boolean rerouteOnMoved,
      String what) {
    String barrier = barrierKey(sessionKey);
    connection.sendCommand(Protocol.Command.SET, barrier, "1", "PX", BARRIER_MILLIS);
    // Deleted at once: Redis reclaims expired keys by sampling, so a key left to its expiry stays
    // far longer than BARRIER_MILLIS on a master with many keys (the expiry only covers a barrier
    // whose DEL never ran). Both writes replicate, and the WAIT covers them.
    connection.sendCommand(Protocol.Command.DEL, barrier);
    connection.sendCommand(Protocol.Command.WAIT, "1", Long.toString(timeoutMillis));
    List<Object> replies = connection.getMany(3);
    if (replies.get(0) instanceof Exception || replies.get(1) instanceof Exception
        || !(replies.get(2) instanceof Long acks)) {
      if (rerouteOnMoved && replies.get(0) instanceof JedisRedirectionException) {
        reroute.accept(sessionKey);
      }
      throw unconfirmed(what, text(replies.get(0)) + ", " + text(replies.get(1)) + ", " + text(replies.get(2)), null);
    }
    if (acks >= 1L) {
      if (stamp != 0) {
        unconfirmedWrites.compareAndSet(slot, stamp, 0);
      }
      return true;
    }
    // No replica acknowledged it in time. If the master lists none now and the cluster has marked
    // its replica failed (or it never had one), it is a master without a replica, not waited for
    // from here on (replicas() pauses its slots and warns). A replica still listed is connected
    // but behind (a loaded machine, a long sync); one the master no longer lists but the cluster
    // has not failed is alive elsewhere (its link dropped, or it was promoted while this master
    // stalled, which does not know yet). Confirming now, or pausing the wait, would let a
    // failover to that replica, or this master rejoining as its replica, lose what the store
    // reported done.
    Replicas replicas = replicas(connection, slot, System.nanoTime());
    if (replicas.none()) {
      return false;
    }
    throw unconfirmed(what, replicas.unreachable() != null ? replicas.unreachable()
        : "no replica acknowledged the master's writes within " + timeoutMillis + " ms", null);
  }

  private static boolean current(AtomicLongArray until, int slot, long now) {
    long value = until.get(slot);
    return value != 0 && now - value < 0;
  }

  /**
   * What the master behind {@code connection} has for replicas: its {@code ROLE} lists a connected
   * one (a node that is not a master any more counts as that too, so the wait that follows
   * reports the redirect as an unconfirmed commit); or it lists none and its {@code CLUSTER
   * NODES} names none that the cluster has not marked failed ({@link Replicas#none()}); or it
   * lists none but a replica of it is alive in the cluster ({@link Replicas#unreachable()}). The
   * answer holds for all of its slots for {@link #PAUSE}: only {@code none} pauses the wait.
   */
  private Replicas replicas(Connection connection, int slot, long now) {
    Object role = connection.executeCommand(new CommandArguments(Protocol.Command.ROLE));
    boolean connected = !(role instanceof List<?> fields) || fields.size() < 3
        || !"master".equals(text(fields.get(0)))
        || !(fields.get(2) instanceof List<?> replicas) || !replicas.isEmpty();
    String nodes = text(connection.executeCommand(new CommandArguments(Protocol.Command.CLUSTER).add("NODES")));
    if (connected) {
      markMasterOf(nodes, slot, replicatedUntil, now + PAUSE.toNanos());
      return new Replicas(false, null);
    }
    Optional<String> alive = liveReplicaOfMyself(nodes);
    if (alive.isPresent()) {
      // Waited for again on the next commit: the replica may be back by then.
      markMasterOf(nodes, slot, replicatedUntil, now + PAUSE.toNanos());
      return new Replicas(false, "the master lists no replica connected, but its replica " + alive.get()
          + " is not marked failed by the cluster (its link dropped, or it was promoted and this master"
          + " does not know yet)");
    }
    markMasterOf(nodes, slot, pausedUntil, now + PAUSE.toNanos());
    if (warnedNoReplica.compareAndSet(false, true)) {
      LOG.warn("redis at {}: a master has no replica connected; commits on its slots are not "
          + "confirmed by a replica (checked again every {} s), and its failure loses them", where,
          PAUSE.toSeconds());
    }
    return new Replicas(true, null);
  }

  /**
   * The address of a node that {@code clusterNodes} (a node's own {@code CLUSTER NODES}) lists as
   * a replica of that node and not as failed ({@code fail}; a suspected failure, {@code fail?},
   * does not count: the node may be stalled or cut off from this one alone). A master without
   * slots counts too: a node's view shows its replica so until the replica's own gossip reaches
   * it (a fresh cluster; a failover's old master, now the new one's replica, for up to a second),
   * while the rest of the cluster may know it as this node's replica and promote it.
   */
  static Optional<String> liveReplicaOfMyself(String clusterNodes) {
    Optional<String[]> own = SlotRanges.myself(clusterNodes);
    if (own.isEmpty()) {
      return Optional.empty();
    }
    String myself = own.get()[0];
    for (String line : clusterNodes.split("\n")) {
      String[] fields = line.trim().split(" ");
      if (fields.length < 8) {
        continue;
      }
      List<String> flags = SlotRanges.flags(fields);
      boolean slotlessMaster = flags.contains("master") && fields.length == 8;
      if ((fields[3].equals(myself) || slotlessMaster) && !flags.contains("myself") && !flags.contains("fail")
          && !flags.contains("handshake") && !flags.contains("noaddr")) {
        return Optional.of(fields[1]);
      }
    }
    return Optional.empty();
  }

  /**
   * A master's replicas as {@link #replicas} found them: {@code none} (no replica, or only failed
   * ones: not waited for), or {@code unreachable} saying which live replica the master cannot
   * reach (null when it has a connected one).
   */
  private record Replicas(boolean none, String unreachable) {}

  /** An untagged session key and its barrier key ({@link #barrierKey}). */
  private record Untagged(String sessionKey, String barrier) {}

  private static String text(Object reply) {
    return reply instanceof byte[] raw ? new String(raw, StandardCharsets.UTF_8) : String.valueOf(reply);
  }

  /** Sets {@code until} on {@code slot} and every slot the master answering {@code clusterNodes} serves. */
  private static void markMasterOf(String clusterNodes, int slot, AtomicLongArray array, long until) {
    array.set(slot, until);
    int[] ranges = SlotRanges.ofMyself(clusterNodes);
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
