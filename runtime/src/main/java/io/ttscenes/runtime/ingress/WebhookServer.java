package io.ttscenes.runtime.ingress;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The running HTTP side of a webhook: the JDK server on its port, the pool of
 * {@link WebhookSettings#threads} handler threads and the watchdog that enforces body deadlines.
 * Created started by {@link #start}; {@link #stop} once. Not thread-safe: its ingress serializes.
 */
final class WebhookServer {
  private static final int MAX_BODY = 1 << 20;
  private static final String MAX_REQ_TIME = "sun.net.httpserver.maxReqTime";

  private final HttpServer server;
  private final ExecutorService executor;
  private final ScheduledExecutorService watchdog;
  private final WebhookHandler handler;

  private WebhookServer(HttpServer server, ExecutorService executor,
      ScheduledExecutorService watchdog, WebhookHandler handler) {
    this.server = server;
    this.executor = executor;
    this.watchdog = watchdog;
    this.handler = handler;
  }

  /**
   * Binds the port and starts serving {@link WebhookSettings#servedPath}; throws
   * {@link UncheckedIOException} when the port cannot be bound and
   * {@link IllegalArgumentException} when the path is not a valid URI path (nothing runs then).
   */
  static WebhookServer start(WebhookSettings settings) {
    WebhookPath path = new WebhookPath(settings.servedPath());
    limitRequestReading(settings.bodyTimeout().plus(settings.ackTimeout()));
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "webhook: cannot listen on " + settings.host() + ":" + settings.port(), e);
    }
    ExecutorService executor = newExecutor(settings.threads());
    server.setExecutor(executor);
    ScheduledExecutorService watchdog = newWatchdog();
    BodyReader bodies = new BodyReader(watchdog, settings.bodyTimeout(), MAX_BODY);
    WebhookHandler handler = new WebhookHandler(settings.dispatcher(), bodies, settings.mapper(),
        path, settings.access(), settings.ackTimeout());
    // The root context sees every path, so a wrong secret gets the same 404 as any unknown path.
    server.createContext("/", handler);
    server.start();
    return new WebhookServer(server, executor, watchdog, handler);
  }

  /** The port the server listens on. */
  int port() {
    return server.getAddress().getPort();
  }

  /**
   * Answers 503 to new requests, waits up to {@code deadline} for those in progress to be
   * answered, then closes the port and the threads; returns whether they all were answered.
   */
  boolean stop(Duration deadline) {
    boolean idle;
    try {
      idle = handler.closeAndAwaitIdle(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      idle = false;
    }
    server.stop(0);
    executor.shutdown();
    watchdog.shutdownNow();
    return idle;
  }

  /**
   * The JDK server reads request headers with no timeout of its own; this JVM-wide property is
   * its only lever, and it is read when the process creates its first server, so it is set only
   * when unset and helps only if this is that first server. The JDK counts from the request's
   * arrival to the end of its body, time spent queued for a busy handler thread included; a
   * thread is held at most a body timeout and an ack timeout, so {@code limit} is their sum: a
   * body timeout alone cut off real requests queued behind slow clients.
   */
  private static void limitRequestReading(Duration limit) {
    if (System.getProperty(MAX_REQ_TIME) == null) {
      long seconds = Math.max(1, (limit.toMillis() + 999) / 1000);
      System.setProperty(MAX_REQ_TIME, Long.toString(seconds));
    }
  }

  private static ScheduledExecutorService newWatchdog() {
    ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "ttscenes-webhook-watchdog");
      thread.setDaemon(true);
      return thread;
    });
    // Nearly every guard is cancelled once its body is read; drop them at once rather than keep
    // each (and its exchange) queued for the whole body timeout.
    watchdog.setRemoveOnCancelPolicy(true);
    return watchdog;
  }

  private static ExecutorService newExecutor(int threads) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "ttscenes-webhook-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }
}
