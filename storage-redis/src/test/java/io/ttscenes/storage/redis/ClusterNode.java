package io.ttscenes.storage.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/** One redis-server process of a {@link LocalRedisCluster}, in cluster mode, in its own directory. */
final class ClusterNode {
  private final File binary;
  private final int port;
  private final Path dir;
  private final Duration nodeTimeout;
  private Process process;

  ClusterNode(File binary, int port, Path dir, Duration nodeTimeout) {
    this.binary = binary;
    this.port = port;
    this.dir = dir;
    this.nodeTimeout = nodeTimeout;
  }

  HostAndPort address() {
    return new HostAndPort("127.0.0.1", port);
  }

  boolean running() {
    return process != null && process.isAlive();
  }

  void launch() {
    List<String> command = List.of(binary.getPath(), "--port", Integer.toString(port),
        "--bind", "127.0.0.1", "--dir", dir.toString(), "--logfile", "redis.log",
        "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
        "--cluster-node-timeout", Long.toString(nodeTimeout.toMillis()),
        // Persistent like a production node, but cheap: no snapshots, fsync once a second.
        "--save", "", "--appendonly", "yes", "--appendfsync", "everysec",
        // A replica syncs at once instead of after diskless sync's default 5 s delay.
        "--repl-diskless-sync-delay", "0");
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(dir.resolve("stdout.log").toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + binary, e);
    }
  }

  void awaitPing() {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    awaitTrue(deadline, "answer PING", jedis -> "PONG".equals(jedis.ping()));
  }

  /**
   * Waits for {@code cluster_state:ok}, on a replica for its link to the master, and for this
   * node's {@code CLUSTER NODES} to name {@code replicas} replicas (until gossip has told it, a
   * fresh cluster's node takes the others for masters without slots, its own replica included).
   */
  void awaitHealthy(long deadlineNanos, boolean mastersHaveReplicas, int replicas) {
    awaitTrue(deadlineNanos, "report cluster_state:ok with its replication link up and " + replicas
        + " replicas in its CLUSTER NODES", jedis -> {
      long seen = jedis.clusterNodes().lines().map(line -> line.split(" "))
          .map(fields -> fields.length > 2 ? List.of(fields[2].split(",")) : List.<String>of())
          .filter(flags -> flags.contains("slave") && !flags.contains("fail")).count();
      if (seen != replicas) {
        return false;
      }
      String replication = jedis.info("replication");
      boolean linked = replication.contains("role:slave")
          ? replication.contains("master_link_status:up")
          // A master must see its replica online too: until it does, commits are not confirmed by
          // a replica (the store warns and does not wait), and a failover test loses them.
          : !mastersHaveReplicas || replication.contains(",state=online,");
      return jedis.clusterInfo().contains("cluster_state:ok") && linked;
    });
  }

  /** Whether this node holds {@code slot} as master, in its own view of the cluster. */
  boolean isMasterOf(int slot) {
    try (Jedis jedis = connect()) {
      int[] ranges = SlotRanges.ofMyself(jedis.clusterNodes());
      for (int i = 0; i + 1 < ranges.length; i += 2) {
        if (slot >= ranges[i] && slot <= ranges[i + 1]) {
          return true;
        }
      }
      return false;
    }
  }

  /** Kills the process at once (SIGKILL), as a crashed machine would stop. */
  void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops the process (SIGSTOP) without closing its connections, as an overloaded or swapped-out
   * machine would stall: its master still lists it as a replica, but it acknowledges nothing.
   */
  void freeze() {
    signal("-STOP");
  }

  /** Lets a {@link #freeze() frozen} process run again (SIGCONT). */
  void thaw() {
    signal("-CONT");
  }

  /**
   * Closes this master's replication links ({@code CLIENT KILL TYPE replica}): its {@code ROLE}
   * then lists no replica, while the cluster still counts each as this master's replica, as when
   * a link drops or the replica was promoted away without this node knowing yet.
   */
  void dropReplicaLinks() {
    try (Jedis jedis = connect()) {
      jedis.sendCommand(redis.clients.jedis.Protocol.Command.CLIENT, "KILL", "TYPE", "replica");
    }
  }

  /** Has this replica take over from its master in a manual failover ({@code CLUSTER FAILOVER}). */
  void failover() {
    try (Jedis jedis = connect()) {
      jedis.sendCommand(redis.clients.jedis.Protocol.Command.CLUSTER, "FAILOVER");
    }
  }

  /** The port of this node's master, in its {@code INFO replication}; empty on a master. */
  java.util.OptionalInt masterPort() {
    try (Jedis jedis = connect()) {
      return jedis.info("replication").lines().filter(line -> line.startsWith("master_port:"))
          .mapToInt(line -> Integer.parseInt(line.substring("master_port:".length()).trim()))
          .findFirst();
    }
  }

  private void signal(String which) {
    try {
      Process kill = new ProcessBuilder("kill", which, Long.toString(process.pid())).inheritIO().start();
      if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill " + which + " of redis-server on port " + port + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run kill " + which, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling redis-server on port " + port, e);
    }
  }

  private Jedis connect() {
    return new Jedis(address(), DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(2000).socketTimeoutMillis(2000).build());
  }

  private void awaitTrue(long deadlineNanos, String what, Check check) {
    RuntimeException last = null;
    while (System.nanoTime() < deadlineNanos) {
      if (!running()) {
        throw new IllegalStateException("redis-server on port " + port + " exited (see "
            + dir.resolve("redis.log") + ")");
      }
      try (Jedis jedis = connect()) {
        if (check.holds(jedis)) {
          return;
        }
      } catch (RuntimeException notYet) {
        last = notYet;
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    throw new IllegalStateException("redis-server on port " + port + " did not " + what
        + " in time (see " + dir.resolve("redis.log") + ")", last);
  }

  private interface Check {
    boolean holds(Jedis jedis);
  }
}
