package io.ttscenes.storage.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * A Redis for one test class, registered with {@code @RegisterExtension static}. It uses, in
 * order: {@code REDIS_URL} (its database is flushed before the class), a local
 * {@code redis-server} binary started on a free loopback port, or a Testcontainers
 * {@code redis:7} when Docker is available; with none of them it fails and says what to install.
 * {@link #ownBinary()} always starts its own binary, which {@link #stop()} and
 * {@link #restart()} can take down and bring back on the same port with its data.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {
  private final boolean ownBinary;
  private RedisServer server;

  private RedisServerExtension(boolean ownBinary) {
    this.ownBinary = ownBinary;
  }

  /** A Redis from REDIS_URL, a local binary or a container, whichever is found first. */
  public static RedisServerExtension any() {
    return new RedisServerExtension(false);
  }

  /** A redis-server binary of this class's own that persists every write, for outage tests. */
  public static RedisServerExtension ownBinary() {
    return new RedisServerExtension(true);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server = ownBinary ? LocalRedisServer.start(true).orElseThrow(RedisServerExtension::noBinary)
        : pick();
    try (UnifiedJedis jedis = newClient()) {
      jedis.flushDB();
    }
  }

  private static RedisServer pick() {
    String url = System.getenv("REDIS_URL");
    if (url != null && !url.isBlank()) {
      return new ExternalRedis(URI.create(url.trim()));
    }
    Optional<RedisServer> local = LocalRedisServer.start(false);
    if (local.isPresent()) {
      return local.get();
    }
    if (dockerAvailable()) {
      return new ContainerRedis();
    }
    throw new IllegalStateException("no Redis for the storage-redis tests: install redis-server "
        + "(apt-get install -y redis-server), set REDIS_URL=redis://host:port/db, "
        + "or make a Docker engine available");
  }

  private static IllegalStateException noBinary() {
    return new IllegalStateException("this test needs its own redis-server binary on PATH "
        + "(it stops and restarts Redis): apt-get install -y redis-server");
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
    }
  }

  /** The URL of the server, such as {@code redis://127.0.0.1:40123/0}. */
  public String url() {
    return server.url().toString();
  }

  /** The host to connect to. */
  public String host() {
    return server.url().getHost();
  }

  /** The port to connect to. */
  public int port() {
    return server.url().getPort();
  }

  /** A new pooled client on the server's database; the caller closes it. */
  public UnifiedJedis newClient() {
    return RedisClient.create(server.url());
  }

  /** Whether {@link #stop()} and {@link #restart()} are possible (only with {@link #ownBinary()}). */
  public boolean ownsServer() {
    return server instanceof LocalRedisServer;
  }

  /** Kills the server process at once, as a crash would; data written so far is on disk. */
  public void stop() {
    owned().stop();
  }

  /** Starts the server again on the same port and directory and waits until it answers. */
  public void restart() {
    owned().restart();
  }

  private LocalRedisServer owned() {
    if (server instanceof LocalRedisServer local) {
      return local;
    }
    throw new IllegalStateException("stop()/restart() need RedisServerExtension.ownBinary()");
  }

  /** What the extension needs from a running Redis. */
  interface RedisServer extends AutoCloseable {
    URI url();

    @Override
    void close();
  }

  private record ExternalRedis(URI url) implements RedisServer {
    @Override
    public void close() {}
  }

  private static final class ContainerRedis implements RedisServer {
    private final GenericContainer<?> container;

    @SuppressWarnings("resource")
    ContainerRedis() {
      container = new GenericContainer<>("redis:7").withExposedPorts(6379);
      container.start();
    }

    @Override
    public URI url() {
      HostAndPort address = new HostAndPort(container.getHost(), container.getMappedPort(6379));
      return URI.create("redis://" + address + "/0");
    }

    @Override
    public void close() {
      container.stop();
    }
  }

  static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("ttscenes-redis-");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code dir} and everything in it; a missing directory is already gone. */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  static Optional<File> findOnPath(String name) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + File.pathSeparator
        + "/usr/bin" + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/usr/local/bin";
    for (String dir : path.split(File.pathSeparator)) {
      File candidate = new File(dir, name);
      if (!dir.isEmpty() && candidate.canExecute()) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
