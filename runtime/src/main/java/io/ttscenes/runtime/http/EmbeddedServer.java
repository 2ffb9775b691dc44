package io.ttscenes.runtime.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one embedded HTTP server (Jetty 12) of a bot process. Each part that serves HTTP (the
 * webhook, the admin endpoint) opens its own {@link Listener} on it: an address and port with its
 * own handler, so a request to one listener never reaches another's handler (the public webhook
 * port serves no admin page). One small daemon thread pool for all, and no JVM-wide setting.
 * Thread-safe; {@link #close} closes every listener.
 */
public final class EmbeddedServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
  private static final int MAX_THREADS = 16;

  private final Server server;
  private final Map<Connector, Handler> routes = new ConcurrentHashMap<>();
  private boolean closed;

  private EmbeddedServer(Server server) {
    this.server = server;
  }

  /**
   * A server with no listener yet; it starts with its first {@link #listen}, so one that is never
   * listened on runs no thread. Its threads are daemons named {@code ttscenes-http-*}.
   */
  public static EmbeddedServer create() {
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
    threads.setName("ttscenes-http");
    threads.setDaemon(true);
    Server server = new Server(threads);
    EmbeddedServer embedded = new EmbeddedServer(server);
    server.setHandler(embedded.new Router());
    return embedded;
  }

  /**
   * Binds {@code host}:{@code port} (0: any free port) and serves {@code handler} there; a
   * connection idle for {@code idleTimeout} (e.g. one sending its headers too slowly) is closed.
   * Throws {@link UncheckedIOException} naming {@code what} and the address when it cannot be
   * bound, {@link IllegalStateException} once closed.
   */
  public synchronized Listener listen(String what, String host, int port, Duration idleTimeout, Handler handler) {
    Objects.requireNonNull(handler, "handler");
    if (closed) {
      throw new IllegalStateException("the embedded HTTP server is closed; " + what + " cannot listen");
    }
    // The public webhook port need not tell scanners which server version answers.
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    // No acceptor thread: the selector accepts, so each listener costs one thread, not two.
    ServerConnector connector = new ServerConnector(server, 0, 1, new HttpConnectionFactory(http));
    connector.setHost(Objects.requireNonNull(host, "host"));
    connector.setPort(port);
    connector.setIdleTimeout(idleTimeout.toMillis());
    try {
      if (!server.isStarted()) {
        server.start();
      }
      handler.setServer(server);
      handler.start();
      routes.put(connector, handler);
      server.addConnector(connector);
      connector.start();
    } catch (Exception e) {
      remove(connector);
      throw new UncheckedIOException(new IOException(what + ": cannot listen on " + host + ":" + port
          + " (" + e.getMessage() + ")", e));
    }
    return new Listener(this, connector);
  }

  /** Closes every listener and stops the threads; idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("stopping the embedded HTTP server failed: {}", e.getMessage());
    }
  }

  private synchronized void remove(ServerConnector connector) {
    stopQuietly(connector);
    server.removeConnector(connector);
    Handler handler = routes.remove(connector);
    if (handler != null) {
      stopQuietly(handler);
    }
  }

  private static void stopQuietly(org.eclipse.jetty.util.component.LifeCycle part) {
    try {
      part.stop();
    } catch (Exception e) {
      LOG.warn("stopping {} failed: {}", part, e.getMessage());
    }
  }

  /** One address the server listens on, with its handler. */
  public static final class Listener implements AutoCloseable {
    private final EmbeddedServer owner;
    private final ServerConnector connector;

    private Listener(EmbeddedServer owner, ServerConnector connector) {
      this.owner = owner;
      this.connector = connector;
    }

    /** The port bound (useful with port 0). */
    public int port() {
      return connector.getLocalPort();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:9100} (IPv6 hosts in brackets). */
    public String url() {
      String host = connector.getHost();
      return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** Closes the port and stops the handler; the server and its other listeners keep running. */
    @Override
    public void close() {
      owner.remove(connector);
    }
  }

  /** Hands each request to the handler of the listener it arrived on. */
  private final class Router extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      Handler handler = routes.get(request.getConnectionMetaData().getConnector());
      return handler != null && handler.handle(request, response, callback);
    }
  }
}
