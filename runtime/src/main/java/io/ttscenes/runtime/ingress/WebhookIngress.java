package io.ttscenes.runtime.ingress;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.client.BotApi;
import io.ttscenes.runtime.client.ApiDialect;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.json.WireJson;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives updates as webhook POSTs on the JDK's HTTP server and answers 200 only after the
 * update was committed and its outbox sent; 503 when that failed or did not finish within the ack
 * timeout, so that TamTam delivers it again (it retries every 30-60 s for up to 8 hours). A body
 * that is not an update gets 400 with the parse error and is logged with a snippet: the same
 * bytes would fail again, so asking TamTam to resend it could recover nothing. At most
 * {@link Builder#threads} requests are handled at once; further ones wait in the server's queue.
 * The ack timeout counts from a request's arrival and covers waiting for room in full lanes too.
 *
 * <p>Slow clients: a body must arrive within {@link Builder#bodyTimeout} (default 5 s), or the
 * connection is closed, so a client that sends slowly cannot hold a thread; a body over 1 MiB
 * gets 413 and the connection is closed without reading the rest. The JDK server reads request
 * headers before any handler runs and without a timeout; its only lever is the JVM-wide system
 * property {@code sun.net.httpserver.maxReqTime} (seconds), read once when the process creates
 * its first JDK HTTP server. {@link #start()} sets it to the body timeout when it is unset, which
 * takes effect only if this is that first server; otherwise pass
 * {@code -Dsun.net.httpserver.maxReqTime=5} on the command line. It bounds only the reading of a
 * request, not the wait for the commit.
 *
 * <p>With {@link Builder#publicUrl} set, {@link #start()} subscribes that URL; with
 * {@link Builder#unsubscribeOnStop} it is unsubscribed on {@link #stop}. A webhook always has a
 * secret of at least 128 bits (a random one of 256 bits unless {@link Builder#secret} gives one;
 * give one that survives restarts, as {@code BotRuntime} does, or TamTam's retries to the old URL
 * get 404): it is the last path segment, both of the served path and of the subscribed URL, and
 * requests to any other path get 404; the path is compared as sent (not decoded) and in constant
 * time. With {@link ApiDialect#MAX} the secret is also subscribed and every request must carry it
 * in {@link ApiDialect#MAX_SECRET_HEADER} (403 otherwise). {@link Builder#allow} limits the source
 * networks (403 otherwise); {@code X-Forwarded-For} is believed only from {@link
 * Builder#trustedProxies}.
 */
public final class WebhookIngress implements Ingress {
  /**
   * The networks TamTam's documentation says webhook calls come from (the schema's "Webhook"
   * section); MAX's documentation lists the same ones.
   */
  public static final List<String> TAMTAM_NETWORKS =
      List.of("185.16.150.0/30", "185.16.150.84/30", "185.16.150.152/30", "185.16.150.192/30");

  private static final Logger LOG = LoggerFactory.getLogger(WebhookIngress.class);

  private final WebhookSettings settings;
  private final String servedPath;
  private final WebhookSubscription subscription;
  private WebhookServer server;
  private boolean stopped;

  private WebhookIngress(WebhookSettings settings) {
    this.settings = settings;
    this.servedPath = settings.servedPath();
    this.subscription = new WebhookSubscription(settings);
  }

  /**
   * Checks that {@code network} is in CIDR notation (or a bare IP address literal); throws
   * {@link IllegalArgumentException} naming it otherwise. For settings read before a builder exists.
   */
  public static void checkNetwork(String network) {
    Cidr.parse(network);
  }

  /** The path served, the secret in it; for tests in this package. */
  String servedPath() {
    return servedPath;
  }

  /** Starts configuring a webhook feeding {@code dispatcher}; {@code api} is used to (un)subscribe. */
  public static Builder builder(Dispatcher dispatcher, BotApi api) {
    return new Builder(dispatcher, api);
  }

  /**
   * Binds the port, starts serving and then subscribes the public URL if one is set; throws
   * {@link UncheckedIOException} when the port cannot be bound, a {@code BotApiException} when the
   * subscription is refused, {@link IllegalStateException} when called twice.
   */
  @Override
  public synchronized void start() {
    if (server != null || stopped) {
      throw new IllegalStateException("webhook ingress was already started");
    }
    server = WebhookServer.start(settings);
    LOG.info("webhook listening on port {} at {}", port(), settings.redacted(servedPath));
    subscription.subscribe();
  }

  /** The port the server listens on (useful with port 0); throws before {@link #start()}. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("webhook ingress is not started");
    }
    return server.port();
  }

  /**
   * Unsubscribes (if configured), stops accepting connections and waits up to {@code deadline}
   * for requests in progress to be answered; returns whether they all were.
   */
  @Override
  public synchronized boolean stop(Duration deadline) {
    if (server == null || stopped) {
      stopped = true;
      return true;
    }
    stopped = true;
    subscription.unsubscribeIfAsked();
    // Requests in progress get their answer; new ones get 503 (TamTam retries them later).
    boolean idle = server.stop(deadline);
    LOG.info("webhook stopped{}", idle ? "" : " with requests still waiting for their updates");
    return idle;
  }

  @Override
  public synchronized boolean receiving() {
    return server != null && !stopped;
  }

  @Override
  public String describe() {
    return "webhook (port " + settings.port() + ", path " + settings.redacted(servedPath) + ")";
  }

  /** Configures a {@link WebhookIngress}; every setting but the dispatcher and API has a default. */
  public static final class Builder {
    private final Dispatcher dispatcher;
    private final BotApi api;
    private String host = "0.0.0.0";
    private int port = 8080;
    private String path = "/";
    private Optional<String> secret = Optional.empty();
    private ApiDialect dialect = ApiDialect.TAMTAM;
    private List<Cidr> allowed = List.of();
    private List<Cidr> trustedProxies = List.of();
    private Optional<String> publicUrl = Optional.empty();
    private boolean unsubscribeOnStop;
    private Duration ackTimeout = Duration.ofSeconds(25);
    private Duration bodyTimeout = Duration.ofSeconds(5);
    private int threads = 16;
    private Set<String> types = Set.of();
    private ObjectMapper mapper = WireJson.create();

    private Builder(Dispatcher dispatcher, BotApi api) {
      this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
      this.api = Objects.requireNonNull(api, "api");
    }

    /** The address and port to listen on (default {@code 0.0.0.0:8080}; port 0 picks a free one). */
    public Builder listen(String host, int port) {
      WebhookSettings.checkPort(port);
      this.host = Objects.requireNonNull(host, "host");
      this.port = port;
      return this;
    }

    /** The path served (default {@code /}); the secret, if any, is appended as a segment. */
    public Builder path(String path) {
      this.path = WebhookSettings.checkPath(path);
      return this;
    }

    /**
     * The shared secret that must be the last path segment of every request (default: 256 random
     * bits, new at each build); at least 22 characters, no '/'.
     */
    public Builder secret(String secret) {
      this.secret = Optional.of(WebhookSettings.checkSecret(secret));
      return this;
    }

    /** Which API calls the webhook (default TamTam); {@link ApiDialect#MAX} adds the header check. */
    public Builder dialect(ApiDialect value) {
      this.dialect = Objects.requireNonNull(value, "dialect");
      return this;
    }

    /**
     * The only source networks served, in CIDR notation (e.g. {@link #TAMTAM_NETWORKS}); empty
     * (default) serves any. Throws {@link IllegalArgumentException} naming an entry that is not one.
     */
    public Builder allow(Collection<String> networks) {
      this.allowed = networks.stream().map(Cidr::parse).toList();
      return this;
    }

    /**
     * The reverse proxies (CIDR) whose {@code X-Forwarded-For} names the real source for
     * {@link #allow}; default none, so the header is ignored.
     */
    public Builder trustedProxies(Collection<String> networks) {
      this.trustedProxies = networks.stream().map(Cidr::parse).toList();
      return this;
    }

    /** The public URL TamTam calls; when set, {@code start} subscribes it (secret appended). */
    public Builder publicUrl(String url) {
      this.publicUrl = Optional.of(Objects.requireNonNull(url, "url"));
      return this;
    }

    /** Whether {@code stop} removes the subscription (default false: a restart keeps receiving). */
    public Builder unsubscribeOnStop(boolean unsubscribe) {
      this.unsubscribeOnStop = unsubscribe;
      return this;
    }

    /**
     * How long after its arrival a request is answered 503 if its update was not committed by
     * then, including any wait for room in full lanes (default 25 s).
     */
    public Builder ackTimeout(Duration timeout) {
      this.ackTimeout = WebhookSettings.checkPositive("ack timeout", timeout);
      return this;
    }

    /**
     * How long a request's body may take to arrive before the connection is closed unanswered
     * (default 5 s); bounds how long a slow client holds one of the {@link #threads}.
     */
    public Builder bodyTimeout(Duration timeout) {
      this.bodyTimeout = WebhookSettings.checkPositive("body timeout", timeout);
      return this;
    }

    /** How many requests are handled at once (default 16). */
    public Builder threads(int threads) {
      this.threads = WebhookSettings.checkThreads(threads);
      return this;
    }

    /** The update types to subscribe to (default: all). */
    public Builder types(Set<String> updateTypes) {
      this.types = Set.copyOf(updateTypes);
      return this;
    }

    /** The mapper that parses updates (default {@link WireJson#create()}). */
    public Builder mapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * Builds the ingress (later changes to this builder do not affect it); binds nothing yet.
     * Throws {@link IllegalArgumentException} when the public URL's port is one the API does not
     * call, or the secret has characters MAX refuses.
     */
    public WebhookIngress build() {
      return new WebhookIngress(new WebhookSettings(dispatcher, api, host, port, path,
          secret.orElseGet(WebhookSettings::randomSecret), publicUrl, unsubscribeOnStop, ackTimeout,
          bodyTimeout, threads, types, mapper, dialect, allowed, trustedProxies));
    }
  }
}
