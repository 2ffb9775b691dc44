package io.ttscenes.storage.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A redis-server process this test run started on a free loopback port in a temp directory; a JVM
 * shutdown hook kills it if the run stops (Ctrl-C, SIGTERM, a surefire timeout) before closing it.
 */
final class LocalRedisServer implements RedisServerExtension.RedisServer {
  private final File binary;
  private final int port;
  private final Path dir;
  private final boolean persistent;
  private final Thread killOnExit = new Thread(this::close, "kill-redis-server");
  private volatile Process process;

  private LocalRedisServer(File binary, int port, Path dir, boolean persistent) {
    this.binary = binary;
    this.port = port;
    this.dir = dir;
    this.persistent = persistent;
  }

  /** Starts a server when a binary is on PATH; {@code persistent} fsyncs every write. */
  static Optional<RedisServerExtension.RedisServer> start(boolean persistent) {
    return RedisServerExtension.findOnPath("redis-server").map(binary -> {
      LocalRedisServer server =
          new LocalRedisServer(binary, freePort(), RedisServerExtension.tempDir(), persistent);
      Runtime.getRuntime().addShutdownHook(server.killOnExit);
      server.launch();
      return server;
    });
  }

  @Override
  public URI url() {
    return URI.create("redis://127.0.0.1:" + port + "/0");
  }

  void stop() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void restart() {
    launch();
  }

  @Override
  public void close() {
    if (Thread.currentThread() != killOnExit) {
      try {
        Runtime.getRuntime().removeShutdownHook(killOnExit);
      } catch (IllegalStateException shuttingDown) {
        // Closed from another shutdown hook: the hook finds the server stopped, harmlessly.
      }
    }
    if (process != null && process.isAlive()) {
      stop();
    }
  }

  private void launch() {
    List<String> command = new ArrayList<>(List.of(binary.getPath(), "--port", Integer.toString(port),
        "--bind", "127.0.0.1", "--save", "", "--dir", dir.toString(), "--logfile", "redis.log"));
    command.addAll(persistent
        ? List.of("--appendonly", "yes", "--appendfsync", "always")
        : List.of("--appendonly", "no"));
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(dir.resolve("stdout.log").toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + binary, e);
    }
    awaitPing();
  }

  private void awaitPing() {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    HostAndPort address = new HostAndPort("127.0.0.1", port);
    while (true) {
      try (Jedis jedis = new Jedis(address, DefaultJedisClientConfig.builder().build())) {
        if ("PONG".equals(jedis.ping())) {
          return;
        }
      } catch (RuntimeException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("redis-server on port " + port + " did not answer PING"
              + " (see " + dir.resolve("redis.log") + ")", notYet);
        }
      }
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
