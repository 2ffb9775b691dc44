package io.ttscenes.example.faq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away {@code redis-server} on a free loopback port, without persistence, for the test
 * that runs the example on Redis. Startup is awaited by reading the server's own "ready" line.
 */
final class RedisProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private RedisProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static RedisProcess start() {
    return start(freePort());
  }

  /** A server on {@code port}, e.g. to bring one back where a stopped one was. */
  static RedisProcess start(int port) {
    return start(port, "--save", "", "--appendonly", "no");
  }

  /**
   * A server on {@code port} keeping an append-only file in {@code dir}: one the store accepts
   * as safe, which a restart on the same port and folder brings back with its data.
   */
  static RedisProcess startPersistent(int port, Path dir) {
    return start(port, "--save", "", "--appendonly", "yes", "--dir", dir.toString());
  }

  private static RedisProcess start(int port, String... persistence) {
    List<String> command = new ArrayList<>(List.of("redis-server", "--port",
        String.valueOf(port), "--bind", "127.0.0.1"));
    command.addAll(List.of(persistence));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException("this test needs redis-server on the PATH (apt-get install "
          + "redis-server): " + e.getMessage(), e);
    }
    awaitReady(process);
    return new RedisProcess(process, port);
  }

  int port() {
    return port;
  }

  String url() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static void awaitReady(Process process) {
    // readLine blocks until the server prints; it returns null if the server died first.
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        seen.append(line).append('\n');
        if (line.contains("Ready to accept connections")) {
          drain(out);
          return;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("redis-server exited before it was ready:\n" + seen);
  }

  /** Keeps reading the server's output so it never blocks on a full pipe. */
  private static void drain(BufferedReader out) {
    Thread drainer = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // discard
        }
      } catch (IOException e) {
        // the server stopped
      }
    }, "redis-output");
    drainer.setDaemon(true);
    drainer.start();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
