package io.ttscenes.storage.redis;

import java.time.Duration;
import java.util.stream.Collectors;
import redis.clients.jedis.HostAndPort;

/**
 * A JVM of its own for {@link LocalRedisShutdownTest}: starts a local cluster and a single
 * local server, prints {@code server p} and {@code ports p1,p2,...} and then waits, never closing
 * them, until it is stopped.
 */
final class ClusterUntilStopped {
  private ClusterUntilStopped() {}

  public static void main(String[] args) throws InterruptedException {
    RedisServerExtension.RedisServer server = LocalRedisServer.start(false)
        .orElseThrow(() -> new IllegalStateException("no redis-server on PATH"));
    System.out.println("server " + server.url().getPort());
    LocalRedisCluster cluster = LocalRedisCluster.start(Duration.ofSeconds(5), 0);
    System.out.println("ports " + cluster.seeds().stream().map(HostAndPort::getPort).map(String::valueOf)
        .collect(Collectors.joining(",")));
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
