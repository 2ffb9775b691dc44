package io.ttscenes.storage.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.HostAndPort;

/**
 * Three masters and three replicas (or three masters alone) from the local {@code redis-server}
 * binary, each node in its own directory on a free loopback port (and its bus port, port + 10000),
 * joined by {@code redis-cli --cluster create}. The nodes keep an append-only file, so a store that
 * refuses Redis without persistence accepts them. A JVM shutdown hook kills the nodes of a cluster
 * not closed, so a test run stopped by Ctrl-C, SIGTERM or a surefire timeout leaves none behind.
 */
final class LocalRedisCluster implements RedisClusterExtension.Cluster {
  static final int NODES = 6;
  static final int MASTERS = 3;

  private final File server;
  private final File cli;
  private final Path root;
  private final Duration nodeTimeout;
  private final int replicasPerMaster;
  // Read by the shutdown hook while a test thread may still be adding nodes.
  private final List<ClusterNode> nodes = new CopyOnWriteArrayList<>();
  private final Thread killOnExit = new Thread(this::killAndDelete, "kill-redis-cluster");

  private LocalRedisCluster(File server, File cli, Duration nodeTimeout, int replicasPerMaster) {
    this.server = server;
    this.cli = cli;
    this.nodeTimeout = nodeTimeout;
    this.replicasPerMaster = replicasPerMaster;
    this.root = RedisServerExtension.tempDir();
  }

  /**
   * Starts and joins the six nodes and returns once every node reports {@code cluster_state:ok}
   * and every replica has synchronised; {@code nodeTimeout} is how long a silent master takes to
   * be failed over.
   *
   * @throws IllegalStateException saying what to install when a binary is missing
   */
  static LocalRedisCluster start(Duration nodeTimeout) {
    return start(nodeTimeout, 1);
  }

  /**
   * Like {@link #start(Duration)} with {@code replicasPerMaster} replicas for each of the three
   * masters (0: a master-only cluster, whose commits no replica can confirm).
   */
  static LocalRedisCluster start(Duration nodeTimeout, int replicasPerMaster) {
    if (replicasPerMaster < 0 || replicasPerMaster > 1) {
      throw new IllegalArgumentException("replicasPerMaster must be 0 or 1, not " + replicasPerMaster);
    }
    File server = RedisServerExtension.findOnPath("redis-server").orElseThrow(() -> missing("redis-server"));
    File cli = RedisServerExtension.findOnPath("redis-cli").orElseThrow(() -> missing("redis-cli"));
    LocalRedisCluster cluster = new LocalRedisCluster(server, cli, nodeTimeout, replicasPerMaster);
    Runtime.getRuntime().addShutdownHook(cluster.killOnExit);
    try {
      cluster.launchNodes();
      cluster.create();
      cluster.awaitHealthy(Duration.ofSeconds(60));
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private static IllegalStateException missing(String binary) {
    return new IllegalStateException("the Redis Cluster tests need " + binary + " on PATH: "
        + "apt-get install -y redis-server (redis-cli comes with it in redis-tools), or set "
        + "REDIS_CLUSTER_NODES=host:port,... to a running cluster");
  }

  private void launchNodes() {
    for (int port : freePortPairs(MASTERS * (1 + replicasPerMaster))) {
      ClusterNode node = new ClusterNode(server, port, dirOf(port), nodeTimeout);
      nodes.add(node);
      node.launch();
    }
    nodes.forEach(ClusterNode::awaitPing);
  }

  private Path dirOf(int port) {
    try {
      return Files.createDirectories(root.resolve("node-" + port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void create() {
    List<String> command = new ArrayList<>(List.of(cli.getPath(), "--cluster", "create"));
    nodes.forEach(n -> command.add(n.address().toString()));
    command.addAll(List.of("--cluster-replicas", Integer.toString(replicasPerMaster), "--cluster-yes"));
    Path log = root.resolve("create.log");
    try {
      Process create = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!create.waitFor(60, TimeUnit.SECONDS) || create.exitValue() != 0) {
        create.destroyForcibly();
        throw new IllegalStateException("redis-cli --cluster create failed: "
            + Files.readString(log).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + cli, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the cluster", e);
    }
  }

  /**
   * Waits until every running node says {@code cluster_state:ok}, every replica is in sync and,
   * with replicas, every master sees its replica online, and every node knows which are replicas.
   */
  void awaitHealthy(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ClusterNode node : nodes) {
      if (node.running()) {
        node.awaitHealthy(deadline, replicasPerMaster > 0, (int) nodes.stream()
            .filter(ClusterNode::running).count() - MASTERS);
      }
    }
  }

  @Override
  public List<HostAndPort> seeds() {
    return nodes.stream().filter(ClusterNode::running).map(ClusterNode::address).toList();
  }

  /** The running node that serves {@code slot} as master. */
  ClusterNode masterOf(int slot) {
    for (ClusterNode node : nodes) {
      if (node.running() && node.isMasterOf(slot)) {
        return node;
      }
    }
    throw new IllegalStateException("no running master serves slot " + slot);
  }

  /** The running node that replicates {@code master}. */
  ClusterNode replicaOf(ClusterNode master) {
    for (ClusterNode node : nodes) {
      if (node.running() && node.masterPort().orElse(-1) == master.address().getPort()) {
        return node;
      }
    }
    throw new IllegalStateException("no running replica of " + master.address());
  }

  /** The directory holding every node's own directory. */
  Path root() {
    return root;
  }

  /** Kills every node, then deletes their directories (append-only files, logs, nodes.conf). */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // Closed from another shutdown hook: the hook kills the (already dead) nodes again, harmlessly.
    }
    killAndDelete();
  }

  private void killAndDelete() {
    nodes.forEach(ClusterNode::kill);
    // deleteOnExit cannot remove a directory that still has files in it: without this, each
    // cluster left megabytes of append-only files in the temp directory.
    RedisServerExtension.deleteTree(root);
  }

  /** Ports p with p and p + 10000 (the cluster bus) both free, distinct, on loopback. */
  private static List<Integer> freePortPairs(int count) {
    List<Integer> ports = new ArrayList<>();
    while (ports.size() < count) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 55_000);
      if (!ports.contains(port) && free(port) && free(port + 10_000)) {
        ports.add(port);
      }
    }
    return ports;
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
