package io.ttscenes.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** A private {@code redis-server} on a free loopback port, without persistence, for one test. */
final class LocalRedis implements AutoCloseable {
  private final Process process;
  private final int port;

  private LocalRedis(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts {@code redis-server} and waits until it answers PING; fails saying what is missing. */
  static LocalRedis start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Process process;
    try {
      process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new IllegalStateException("redis-server is not installed (or not on PATH); this test needs it", e);
    }
    LocalRedis redis = new LocalRedis(process, port);
    for (int i = 0; i < 200; i++) {
      try (Jedis jedis = new Jedis("127.0.0.1", port)) {
        if ("PONG".equals(jedis.ping())) {
          return redis;
        }
      } catch (JedisConnectionException e) {
        // Not listening yet: the server answers within a few milliseconds of starting.
        process.waitFor(10, TimeUnit.MILLISECONDS);
      }
    }
    redis.close();
    throw new IllegalStateException("redis-server on port " + port + " did not answer PING");
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
