package io.ttscenes.runtime.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.runtime.json.WireJson;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Settings of an {@link OkHttpBotApi}; every one but the token has a default. Not thread-safe;
 * {@link #build()} may be called more than once, each client getting its own rate limit.
 */
public final class OkHttpBotApiBuilder {
  /** The TamTam Bot API address used when none is given. */
  public static final String DEFAULT_BASE_URL = "https://botapi.tamtam.chat";
  /** The schema version sent as {@code v} unless changed or disabled. */
  public static final String DEFAULT_API_VERSION = "0.5.6";

  private final String token;
  private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL);
  private AuthMode authMode = AuthMode.QUERY;
  private String apiVersion = DEFAULT_API_VERSION;
  private OkHttpClient httpClient;
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private double requestsPerSecond = 30;
  private Clock clock = Clock.systemUTC();
  private Sleeper sleeper = Sleeper.SYSTEM;
  private Ticker ticker = Ticker.SYSTEM;
  private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
  private ObjectMapper mapper;
  private Duration pollTimeoutMargin = Duration.ofSeconds(15);
  private int uploadChunkSize = 4 * 1024 * 1024;
  private long resumableUploadThreshold = 16L * 1024 * 1024;
  private int maxIdleConnections = 32;
  private UnreadableUpdateListener unreadableUpdates = (type, json, reason) -> {};

  OkHttpBotApiBuilder(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("bot token is blank");
    }
    this.token = token;
  }

  /**
   * The API address, e.g. a local emulator's.
   *
   * @throws IllegalArgumentException if it is not an http(s) URL
   */
  public OkHttpBotApiBuilder baseUrl(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException("base url '" + url + "' is not an http(s) URL");
    }
    this.baseUrl = parsed;
    return this;
  }

  /** Where the token goes: the {@code access_token} parameter (default) or the header. */
  public OkHttpBotApiBuilder authMode(AuthMode mode) {
    this.authMode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /** The {@code v} parameter sent with every call; null stops sending it. */
  public OkHttpBotApiBuilder apiVersion(String version) {
    this.apiVersion = version;
    return this;
  }

  /**
   * How many idle keep-alive connections the default OkHttp client keeps (default 32; ignored
   * when {@link #httpClient} is given). Every lane sending at once holds a connection, so fewer
   * than the lanes plus the poll means connections are closed and reopened all the time.
   */
  public OkHttpBotApiBuilder maxIdleConnections(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("max idle connections is " + count + "; it must be >= 1");
    }
    this.maxIdleConnections = count;
    return this;
  }

  /**
   * The OkHttp client to derive from: its pool, interceptors and connect and call timeouts are
   * kept; its read and write timeouts become each API call's whole-exchange deadline (their sum;
   * none when the read timeout is 0) instead of per-read and per-write timers. Uploads keep them
   * as they are.
   */
  public OkHttpBotApiBuilder httpClient(OkHttpClient client) {
    this.httpClient = Objects.requireNonNull(client, "client");
    return this;
  }

  /** How failures are retried. */
  public OkHttpBotApiBuilder retryPolicy(RetryPolicy policy) {
    this.retryPolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /** The client-side rate limit shared by all threads (default 30). */
  public OkHttpBotApiBuilder requestsPerSecond(double rate) {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("requests per second is " + rate + "; it must be > 0");
    }
    this.requestsPerSecond = rate;
    return this;
  }

  /**
   * The clock for backoff deadlines and Retry-After dates. By default the rate limit measures time
   * with the monotonic {@link System#nanoTime()}, so a wall-clock step cannot stall it; a clock
   * set here drives the rate limit too (for tests that move time by hand).
   */
  public OkHttpBotApiBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    this.ticker = Ticker.of(value);
    return this;
  }

  /** What waits for backoff and rate-limit slots. */
  public OkHttpBotApiBuilder sleeper(Sleeper value) {
    this.sleeper = Objects.requireNonNull(value, "sleeper");
    return this;
  }

  /** The source of the jitter fraction in [0, 1] applied to each backoff ceiling. */
  public OkHttpBotApiBuilder jitter(DoubleSupplier value) {
    this.jitter = Objects.requireNonNull(value, "jitter");
    return this;
  }

  /** The JSON mapper; defaults to {@link WireJson#MAPPER}, shared with the dispatcher and the warm-up. */
  public OkHttpBotApiBuilder mapper(ObjectMapper value) {
    this.mapper = Objects.requireNonNull(value, "mapper");
    return this;
  }

  /**
   * Added to a long poll's timeout to make its read budget (default 15 s): the poll is cut if its
   * whole exchange takes longer than the poll's timeout, this margin and the write timeout.
   */
  public OkHttpBotApiBuilder pollTimeoutMargin(Duration margin) {
    if (margin.isNegative()) {
      throw new IllegalArgumentException("poll timeout margin is " + margin + "; it must be >= 0");
    }
    this.pollTimeoutMargin = margin;
    return this;
  }

  /**
   * Files larger than {@code threshold} bytes are uploaded resumably in chunks of
   * {@code chunkSize} bytes (defaults 16 MiB and 4 MiB); smaller ones in one multipart request.
   */
  public OkHttpBotApiBuilder resumableUploads(long threshold, int chunkSize) {
    if (threshold < 0 || chunkSize < 1) {
      throw new IllegalArgumentException("upload threshold is " + threshold + " and chunk size "
          + chunkSize + "; they must be >= 0 and >= 1");
    }
    this.resumableUploadThreshold = threshold;
    this.uploadChunkSize = chunkSize;
    return this;
  }

  /**
   * Called with the {@code update_type} of each update of a long-poll page that the model cannot
   * bind; such an update is logged without its content and dropped, the rest of the page is kept
   * (default: log only). The page returns them too ({@link io.ttscenes.api.model.UpdateList#unreadable()}),
   * which is where {@code BotRuntime}'s long polling takes them from to keep them as dead letters.
   */
  public OkHttpBotApiBuilder onUnreadableUpdate(Consumer<String> listener) {
    Objects.requireNonNull(listener, "listener");
    this.unreadableUpdates = (type, json, reason) -> listener.accept(type);
    return this;
  }

  /**
   * As {@link #onUnreadableUpdate(Consumer)}, with the update's JSON and the reason too, so it can
   * be kept (replacing a listener set before).
   */
  public OkHttpBotApiBuilder onUnreadableUpdate(UnreadableUpdateListener listener) {
    this.unreadableUpdates = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** A new client with these settings. */
  public OkHttpBotApi build() {
    ObjectMapper json = mapper != null ? mapper : WireJson.MAPPER;
    OkHttpClient http = httpClient != null ? httpClient : new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(maxIdleConnections, 5, TimeUnit.MINUTES))
        .build();
    HttpExchange exchange = new HttpExchange(http, baseUrl, token, authMode, apiVersion, json);
    FailureClassifier classifier = new FailureClassifier(json, clock);
    RateLimiter limiter = new RateLimiter(requestsPerSecond, ticker, sleeper);
    RetryLoop loop =
        new RetryLoop(exchange, classifier, retryPolicy, limiter, clock, sleeper, jitter);
    UploadClient uploads = new UploadClient(
        exchange.client(), classifier, retryPolicy, sleeper, jitter, uploadChunkSize);
    return new OkHttpBotApi(loop, json, uploads, pollTimeoutMargin, resumableUploadThreshold,
        new UpdatePages(json, unreadableUpdates));
  }
}
