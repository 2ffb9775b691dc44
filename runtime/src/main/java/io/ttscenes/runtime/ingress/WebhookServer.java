package io.ttscenes.runtime.ingress;

import io.ttscenes.runtime.http.EmbeddedServer;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The running HTTP side of a webhook: its listener on the process's {@link EmbeddedServer}, the
 * pool of {@link WebhookSettings#threads} threads that wait for updates' commits and the watchdog
 * that enforces body deadlines. Created started by {@link #start}; {@link #stop} once. Not
 * thread-safe: its ingress serializes.
 */
final class WebhookServer {
  private static final int MAX_BODY = 1 << 20;

  private final EmbeddedServer.Listener listener;
  private final Optional<EmbeddedServer> owned;
  private final ExecutorService executor;
  private final ScheduledExecutorService watchdog;
  private final WebhookHandler handler;

  private WebhookServer(EmbeddedServer.Listener listener, Optional<EmbeddedServer> owned,
      ExecutorService executor, ScheduledExecutorService watchdog, WebhookHandler handler) {
    this.listener = listener;
    this.owned = owned;
    this.executor = executor;
    this.watchdog = watchdog;
    this.handler = handler;
  }

  /**
   * Binds the port on {@code shared} (or on a server of its own when empty, stopped with the
   * webhook) and starts serving {@link WebhookSettings#servedPath}; throws
   * {@link UncheckedIOException} when the port cannot be bound and {@link IllegalArgumentException}
   * when the path is not a valid URI path (nothing runs then).
   */
  static WebhookServer start(WebhookSettings settings, Optional<EmbeddedServer> shared) {
    WebhookPath path = new WebhookPath(settings.servedPath());
    Optional<EmbeddedServer> owned = shared.isPresent() ? Optional.empty() : Optional.of(EmbeddedServer.create());
    ExecutorService executor = newExecutor(settings.threads());
    ScheduledExecutorService watchdog = newWatchdog();
    BodyReader bodies = new BodyReader(watchdog, settings.bodyTimeout(), MAX_BODY);
    WebhookHandler handler = new WebhookHandler(settings.dispatcher(), executor, bodies, settings.mapper(),
        path, settings.access(), settings.ackTimeout());
    try {
      // Every path reaches the handler, so a wrong secret gets the same 404 as any unknown path.
      // A connection idle for a body timeout (e.g. sending its headers too slowly) is closed.
      EmbeddedServer.Listener listener = shared.or(() -> owned).orElseThrow()
          .listen("webhook", settings.host(), settings.port(), settings.bodyTimeout(), handler);
      return new WebhookServer(listener, owned, executor, watchdog, handler);
    } catch (RuntimeException e) {
      executor.shutdown();
      watchdog.shutdownNow();
      owned.ifPresent(EmbeddedServer::close);
      throw e;
    }
  }

  /** The port the server listens on. */
  int port() {
    return listener.port();
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
    listener.close();
    owned.ifPresent(EmbeddedServer::close);
    executor.shutdown();
    watchdog.shutdownNow();
    return idle;
  }

  private static ScheduledExecutorService newWatchdog() {
    ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "ttscenes-webhook-watchdog");
      thread.setDaemon(true);
      return thread;
    });
    // Nearly every guard is cancelled once its body is read; drop them at once rather than keep
    // each (and its request) queued for the whole body timeout.
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
