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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.HostAndPort;

/**
 * Three masters and three replicas from the local {@code redis-server} binary, each node in its
 * own directory on a free loopback port (and its bus port, port + 10000), joined by
 * {@code redis-cli --cluster create --cluster-replicas 1}. The nodes keep an append-only file, so
 * a store that refuses Redis without persistence accepts them.
 */
final class LocalRedisCluster implements RedisClusterExtension.Cluster {
  static final int NODES = 6;

  private final File server;
  private final File cli;
  private final Path root;
  private final Duration nodeTimeout;
  private final List<ClusterNode> nodes = new ArrayList<>();

  private LocalRedisCluster(File server, File cli, Duration nodeTimeout) {
    this.server = server;
    this.cli = cli;
    this.nodeTimeout = nodeTimeout;
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
    File server = RedisServerExtension.findOnPath("redis-server").orElseThrow(() -> missing("redis-server"));
    File cli = RedisServerExtension.findOnPath("redis-cli").orElseThrow(() -> missing("redis-cli"));
    LocalRedisCluster cluster = new LocalRedisCluster(server, cli, nodeTimeout);
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
    for (int port : freePortPairs(NODES)) {
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
    command.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
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

  /** Waits until every running node says {@code cluster_state:ok} and every replica is in sync. */
  void awaitHealthy(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ClusterNode node : nodes) {
      if (node.running()) {
        node.awaitHealthy(deadline);
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

  @Override
  public void close() {
    nodes.forEach(ClusterNode::kill);
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
