package io.ttscenes.runtime.admin;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one embedded HTTP server (Jetty 12) of a bot process: admin pages answer GETs at exact
 * paths, and other handlers (such as a webhook) can be mounted beside them. Bound to one address;
 * a small daemon thread pool, so a scrape never competes with the lanes. Start once, close once.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
  private static final int MAX_THREADS = 8;

  private final Server server;
  private final ServerConnector connector;

  private AdminServer(Builder builder) {
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
    threads.setName("ttscenes-admin");
    threads.setDaemon(true);
    server = new Server(threads);
    connector = new ServerConnector(server, 1, 1);
    connector.setHost(builder.host);
    connector.setPort(builder.port);
    server.addConnector(connector);
    PathMappingsHandler paths = new PathMappingsHandler();
    // Exact paths; "/" alone would be the servlet-style default mapping, matching everything.
    builder.pages.forEach((path, page) -> paths.addMapping(PathSpec.from(path.equals("/") ? "^/$" : path),
        new PageHandler(page)));
    builder.mounted.forEach((path, handler) -> paths.addMapping(PathSpec.from(path), handler));
    server.setHandler(paths);
  }

  /** Starts configuring a server for {@code host}:{@code port} (0: any free port). */
  public static Builder builder(String host, int port) {
    return new Builder(host, port);
  }

  /** The port the server listens on (useful with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The address and port, for logs and links, e.g. {@code http://127.0.0.1:9100}. */
  public String url() {
    String host = connector.getHost().contains(":") ? "[" + connector.getHost() + "]" : connector.getHost();
    return "http://" + host + ":" + port();
  }

  /** Stops accepting connections and stops the server; idempotent. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("stopping the admin server failed: {}", e.getMessage());
    }
  }

  /** Configures an {@link AdminServer}; not thread-safe. */
  public static final class Builder {
    private final String host;
    private final int port;
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final Map<String, Handler> mounted = new LinkedHashMap<>();

    private Builder(String host, int port) {
      this.host = Objects.requireNonNull(host, "host");
      this.port = port;
    }

    /** Serves {@code handler} at {@code pathSpec} (Jetty path spec, e.g. {@code /hook} or {@code /hook/*}). */
    public Builder mount(String pathSpec, Handler handler) {
      mounted.put(Objects.requireNonNull(pathSpec, "pathSpec"), Objects.requireNonNull(handler, "handler"));
      return this;
    }

    Builder page(String path, Page page) {
      pages.put(path, page);
      return this;
    }

    /**
     * Binds the address and starts serving; throws {@link UncheckedIOException} when the address
     * cannot be bound (e.g. the port is taken).
     */
    public AdminServer start() {
      AdminServer admin = new AdminServer(this);
      try {
        admin.server.start();
      } catch (Exception e) {
        admin.close();
        throw new UncheckedIOException(new IOException("the admin server cannot listen on " + host + ":"
            + port + ": " + e.getMessage(), e));
      }
      return admin;
    }
  }

  /** Answers GET (and HEAD) with a page; other methods get 405. */
  private static final class PageHandler extends Handler.Abstract.NonBlocking {
    private final Page page;

    PageHandler(Page page) {
      this.page = page;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String method = request.getMethod();
      if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
        response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
        Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
        return true;
      }
      Reply reply;
      try {
        reply = page.get();
      } catch (RuntimeException e) {
        LOG.warn("admin page {} failed: {}", request.getHttpURI().getPath(), e.toString());
        reply = Reply.text(500, "text/plain; charset=utf-8", "the page failed: " + e);
      }
      response.setStatus(reply.status());
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      response.write(true, ByteBuffer.wrap(HttpMethod.HEAD.is(method) ? new byte[0] : reply.body()), callback);
      return true;
    }
  }
}
