package io.ttscenes.storage.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClusterClient;

/**
 * A Redis Cluster for one test class, registered with {@code @RegisterExtension static}.
 * {@link #shared()} uses the cluster {@code REDIS_CLUSTER_NODES} names (as {@code .ci/run} sets
 * it), else one local 3-master / 3-replica cluster started once for the whole test run and
 * stopped when it ends. {@link #own()} always starts a cluster of the class's own, with a short
 * node timeout, which a test may damage ({@link #local()}). Without {@code redis-server} and
 * {@code redis-cli} it fails and says what to install; it never skips. Classes keep their data
 * apart by key prefix: an external cluster is never flushed.
 */
final class RedisClusterExtension implements BeforeAllCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RedisClusterExtension.class);
  // Long enough that a loaded test machine never fails a master over by mistake.
  private static final Duration SHARED_NODE_TIMEOUT = Duration.ofSeconds(5);
  // Short, so a killed master's replica takes over within a few seconds.
  private static final Duration OWN_NODE_TIMEOUT = Duration.ofMillis(1500);

  private final boolean own;
  private Cluster cluster;

  private RedisClusterExtension(boolean own) {
    this.own = own;
  }

  /** The cluster of REDIS_CLUSTER_NODES, else a local one shared by the whole test run. */
  static RedisClusterExtension shared() {
    return new RedisClusterExtension(false);
  }

  /** A local cluster of this class's own, which the class may kill nodes of. */
  static RedisClusterExtension own() {
    return new RedisClusterExtension(true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (own) {
      cluster = LocalRedisCluster.start(OWN_NODE_TIMEOUT);
      return;
    }
    String named = System.getenv("REDIS_CLUSTER_NODES");
    if (named != null && !named.isBlank()) {
      cluster = new ExternalCluster(parse(named));
      return;
    }
    // Kept in the root store, which closes it when the whole run ends.
    cluster = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("local-cluster",
        k -> new SharedCluster(LocalRedisCluster.start(SHARED_NODE_TIMEOUT)), SharedCluster.class).cluster;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (own && cluster != null) {
      cluster.close();
    }
  }

  /** The seed nodes, as {@code REDIS_CLUSTER_NODES} would list them. */
  String nodesVariable() {
    return cluster.seeds().stream().map(HostAndPort::toString).collect(Collectors.joining(","));
  }

  /** A new cluster client on the seed nodes; the caller closes it. */
  RedisClusterClient newClient() {
    return RedisClusterClient.create(new HashSet<>(cluster.seeds()));
  }

  /** The local cluster itself, to kill and inspect nodes; only with {@link #own()}. */
  LocalRedisCluster local() {
    if (cluster instanceof LocalRedisCluster local) {
      return local;
    }
    throw new IllegalStateException("only RedisClusterExtension.own() may damage its cluster");
  }

  private static List<HostAndPort> parse(String nodes) {
    List<HostAndPort> seeds = new ArrayList<>();
    for (String node : nodes.split(",")) {
      seeds.add(HostAndPort.from(node.trim()));
    }
    return seeds;
  }

  /** What the extension needs from a running cluster. */
  interface Cluster extends AutoCloseable {
    List<HostAndPort> seeds();

    @Override
    void close();
  }

  private record ExternalCluster(List<HostAndPort> seeds) implements Cluster {
    @Override
    public void close() {}
  }

  private record SharedCluster(LocalRedisCluster cluster)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      cluster.close();
    }
  }
}
