package io.ttscenes.runtime;

import io.ttscenes.runtime.client.ApiDialect;
import io.ttscenes.runtime.ingress.WebhookIngress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How a {@link BotRuntime} runs, read from environment variables: {@code TAMTAM_TOKEN},
 * {@code TAMTAM_API_URL} (default {@code https://botapi.tamtam.chat}), {@code REDIS_URL} or
 * {@code REDIS_CLUSTER_NODES} with {@code REDIS_USERNAME}, {@code REDIS_PASSWORD} (see {@link RedisAddress}; absent:
 * in-memory store), {@code WEBHOOK_URL} (absent: long polling), {@code WEBHOOK_PORT} (8080),
 * {@code WEBHOOK_PATH} (default: the path of {@code WEBHOOK_URL}), {@code WEBHOOK_SECRET} (at least
 * 22 characters; absent: one derived from the token, the same at every start),
 * {@code WEBHOOK_ALLOW} (comma-separated CIDR networks served, {@code tamtam} standing for
 * {@link WebhookIngress#TAMTAM_NETWORKS}; absent: any), {@code WEBHOOK_TRUSTED_PROXY} (CIDR
 * networks whose {@code X-Forwarded-For} is believed; absent: none),
 * {@code TAMTAM_DIALECT} ({@code tamtam} or {@code max}: token placement, default API URL, webhook
 * ports and MAX's secret header), {@code TTSCENES_REDIS_UNSAFE_OK} (false: a Redis whose eviction
 * policy or lack of persistence can lose sessions stops the bot at start; true: a warning),
 * {@code TTSCENES_LOG_CONTENT} (false: dead letters are logged without the user's text, contact or
 * location, which the store keeps for the admin endpoint; true logs them, for debugging only),
 * {@code WEBHOOK_UNSUBSCRIBE_ON_CLOSE} (false), {@code TTSCENES_BOT_NAME},
 * {@code TTSCENES_PARALLELISM} (4 per CPU), {@code TTSCENES_QUEUE_CAPACITY} (1024),
 * {@code TTSCENES_POLL_LIMIT} (1000, the API's maximum: a page with room left does not hold the
 * updates after its slowest one back, a full page is waited for as a whole),
 * {@code TTSCENES_POLL_TIMEOUT_SECONDS} (30), {@code TTSCENES_SHUTDOWN_TIMEOUT_SECONDS} (30),
 * {@code TTSCENES_TIMER_PERIOD_MS} (1000), {@code TTSCENES_HANDLER_DEADLINE_MS} (10000: how long
 * the bot's code may run for one update before its thread is interrupted and the update goes to
 * the exception handler, see {@code Dispatcher.Builder.handlerDeadline}), {@code TTSCENES_STATE_DIR}
 * (a local directory for the instance slot files, default {@code <java.io.tmpdir>/ttscenes}: a
 * process restarted after a crash takes over the dead process's leases at once, see
 * {@code InstanceSlot}), {@code TTSCENES_POLLER_LEASE_SECONDS} (15: with long
 * polling, instances poll only while holding a store lease of this TTL, renewed every third of it)
 * and {@code TTSCENES_OUTBOX_RECOVERY} (true: this instance may run outbox recovery; with long
 * polling only the poller lease holder does, with webhooks only the instance the others elected
 * through the store lease {@code recovery}, of the poller lease's TTL; false: never).
 *
 * <p>The token may be left out only when the API URL is on loopback (the local emulator); then
 * {@value #EMULATOR_TOKEN} is used. Invalid settings throw {@link RuntimeConfigException} listing
 * every problem at once. {@link #toString()} never shows the token or a Redis password.
 */
public record RuntimeConfig(
    String token,
    URI apiUrl,
    Optional<URI> redisUrl,
    Optional<URI> webhookUrl,
    int webhookPort,
    String webhookPath,
    Optional<String> webhookSecret,
    boolean webhookUnsubscribeOnClose,
    String botName,
    int parallelism,
    int queueCapacity,
    int pollLimit,
    int pollTimeoutSeconds,
    Duration shutdownTimeout,
    Duration timerPeriod,
    Duration pollerLease,
    boolean outboxRecovery,
    ApiDialect dialect,
    List<String> webhookAllow,
    List<String> webhookTrustedProxies,
    boolean redisUnsafeOk,
    Duration handlerDeadline,
    Path stateDir,
    boolean logContent) {

  /** The TamTam Bot API address used when {@code TAMTAM_API_URL} is not set. */
  public static final String DEFAULT_API_URL = "https://botapi.tamtam.chat";
  /** The token used against a loopback API (the testkit emulator's default) when none is set. */
  public static final String EMULATOR_TOKEN = "emulator-token";

  /** Validates every setting and throws {@link RuntimeConfigException} with all problems found. */
  public RuntimeConfig {
    List<String> problems = new ArrayList<>();
    check(problems, token != null && !token.isBlank(), "TAMTAM_TOKEN is not set; it is required "
        + "unless TAMTAM_API_URL points at a local emulator");
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(redisUrl, "redisUrl");
    Objects.requireNonNull(webhookUrl, "webhookUrl");
    Objects.requireNonNull(webhookSecret, "webhookSecret");
    check(problems, webhookPort >= 0 && webhookPort <= 65535, "WEBHOOK_PORT is " + webhookPort + "; it must be 0..65535");
    check(problems, webhookPath != null && webhookPath.startsWith("/"), "WEBHOOK_PATH is '" + webhookPath + "'; it must start with /");
    Objects.requireNonNull(dialect, "dialect");
    webhookAllow = List.copyOf(webhookAllow);
    webhookTrustedProxies = List.copyOf(webhookTrustedProxies);
    check(problems, webhookSecret.map(s -> !s.contains("/")).orElse(true), "WEBHOOK_SECRET contains '/'; it must be one path segment");
    webhookSecret.ifPresent(s -> secretProblem(dialect, s).ifPresent(problems::add));
    webhookUrl.flatMap(dialect::webhookPortProblem).ifPresent(p -> problems.add("WEBHOOK_URL: " + p));
    networkProblems("WEBHOOK_ALLOW", webhookAllow, problems);
    networkProblems("WEBHOOK_TRUSTED_PROXY", webhookTrustedProxies, problems);
    check(problems, botName != null && botName.matches("[A-Za-z0-9_.-]{1,64}"), "TTSCENES_BOT_NAME is '" + botName
        + "'; it must be 1..64 letters, digits, '_', '.' or '-'");
    check(problems, parallelism >= 1, "TTSCENES_PARALLELISM is " + parallelism + "; it must be >= 1");
    check(problems, queueCapacity >= 1, "TTSCENES_QUEUE_CAPACITY is " + queueCapacity + "; it must be >= 1");
    check(problems, pollLimit >= 1 && pollLimit <= 1000, "TTSCENES_POLL_LIMIT is " + pollLimit + "; it must be 1..1000");
    check(problems, pollTimeoutSeconds >= 0 && pollTimeoutSeconds <= 90, "TTSCENES_POLL_TIMEOUT_SECONDS is "
        + pollTimeoutSeconds + "; it must be 0..90");
    check(problems, positive(shutdownTimeout), "the shutdown timeout is " + shutdownTimeout + "; it must be positive");
    check(problems, handlerDeadline != null && handlerDeadline.toMillis() >= 1, "the handler deadline is "
        + handlerDeadline + "; it must be at least 1 ms");
    Objects.requireNonNull(stateDir, "stateDir");
    check(problems, positive(timerPeriod), "the timer period is " + timerPeriod + "; it must be positive");
    check(problems, pollerLease != null && pollerLease.toMillis() >= 3, "the poller lease is " + pollerLease
        + "; it must be at least 3 ms");
    if (!problems.isEmpty()) {
      throw new RuntimeConfigException(problems);
    }
  }

  /** Reads the process environment; see the class description. */
  public static RuntimeConfig fromEnvironment() {
    return from(System.getenv());
  }

  /** Reads {@code env} as if it were the environment; for tests and embedding. */
  public static RuntimeConfig from(Map<String, String> env) {
    EnvReader read = new EnvReader(Map.copyOf(env));
    ApiDialect dialect = read.dialect("TAMTAM_DIALECT");
    URI api = read.url("TAMTAM_API_URL", Set.of("http", "https")).orElse(URI.create(dialect.defaultBaseUrl()));
    boolean apiGiven = read.text("TAMTAM_API_URL").isPresent();
    String token = read.text("TAMTAM_TOKEN").orElse(apiGiven && isLoopback(api) ? EMULATOR_TOKEN : "");
    Optional<URI> redis = RedisAddress.read(read);
    Optional<URI> webhook = read.url("WEBHOOK_URL", Set.of("http", "https"));
    String defaultPath = webhook.map(URI::getPath).filter(p -> p.startsWith("/")).orElse("/");
    RuntimeConfig config = null;
    try {
      config = new RuntimeConfig(token, api, redis, webhook,
          read.integer("WEBHOOK_PORT", 8080, 0, 65535),
          read.text("WEBHOOK_PATH").orElse(defaultPath),
          read.text("WEBHOOK_SECRET"),
          read.flag("WEBHOOK_UNSUBSCRIBE_ON_CLOSE", false),
          read.text("TTSCENES_BOT_NAME").orElse("ttscenes-bot"),
          read.integer("TTSCENES_PARALLELISM", defaultParallelism(), 1, 4096),
          read.integer("TTSCENES_QUEUE_CAPACITY", 1024, 1, 1_000_000),
          read.integer("TTSCENES_POLL_LIMIT", 1000, 1, 1000),
          read.integer("TTSCENES_POLL_TIMEOUT_SECONDS", 30, 0, 90),
          Duration.ofSeconds(read.integer("TTSCENES_SHUTDOWN_TIMEOUT_SECONDS", 30, 1, 3600)),
          Duration.ofMillis(read.integer("TTSCENES_TIMER_PERIOD_MS", 1000, 10, 3_600_000)),
          Duration.ofSeconds(read.integer("TTSCENES_POLLER_LEASE_SECONDS", 15, 3, 3600)),
          read.flag("TTSCENES_OUTBOX_RECOVERY", true),
          dialect,
          read.list("WEBHOOK_ALLOW").stream()
              .flatMap(n -> n.equalsIgnoreCase("tamtam") ? WebhookIngress.TAMTAM_NETWORKS.stream() : Stream.of(n))
              .toList(),
          read.list("WEBHOOK_TRUSTED_PROXY"),
          read.flag("TTSCENES_REDIS_UNSAFE_OK", false),
          Duration.ofMillis(read.integer("TTSCENES_HANDLER_DEADLINE_MS", 10_000, 10, 3_600_000)),
          read.text("TTSCENES_STATE_DIR").map(Path::of)
              .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "ttscenes")),
          read.flag("TTSCENES_LOG_CONTENT", false));
    } catch (RuntimeConfigException e) {
      read.problems().addAll(0, e.problems());
    }
    if (!read.problems().isEmpty()) {
      throw new RuntimeConfigException(read.problems());
    }
    return config;
  }

  /** Whether updates arrive by webhook ({@code WEBHOOK_URL} set) rather than long polling. */
  public boolean usesWebhook() {
    return webhookUrl.isPresent();
  }

  /** This configuration with another API address (for tests against a local server). */
  public RuntimeConfig withApiUrl(URI url) {
    return new RuntimeConfig(token, url, redisUrl, webhookUrl, webhookPort, webhookPath, webhookSecret,
        webhookUnsubscribeOnClose, botName, parallelism, queueCapacity, pollLimit, pollTimeoutSeconds,
        shutdownTimeout, timerPeriod, pollerLease, outboxRecovery, dialect, webhookAllow,
        webhookTrustedProxies, redisUnsafeOk, handlerDeadline, stateDir, logContent);
  }

  /** This configuration with another poller lease TTL (tests use short ones to see expiry). */
  public RuntimeConfig withPollerLease(Duration ttl) {
    return new RuntimeConfig(token, apiUrl, redisUrl, webhookUrl, webhookPort, webhookPath, webhookSecret,
        webhookUnsubscribeOnClose, botName, parallelism, queueCapacity, pollLimit, pollTimeoutSeconds,
        shutdownTimeout, timerPeriod, ttl, outboxRecovery, dialect, webhookAllow, webhookTrustedProxies,
        redisUnsafeOk, handlerDeadline, stateDir, logContent);
  }

  /** Shows every setting except the token and passwords. */
  @Override
  public String toString() {
    return "RuntimeConfig[api=" + apiUrl + ", store=" + redisUrl.map(u -> EnvReader.redact(u.toString()))
        .orElse("in-memory") + ", ingress=" + webhookUrl.map(u -> "webhook " + u.getHost() + " port "
        + webhookPort).orElse("long polling") + ", bot=" + botName + ", parallelism=" + parallelism
        + ", queueCapacity=" + queueCapacity + ", pollLimit=" + pollLimit + ", pollTimeout="
        + pollTimeoutSeconds + "s, shutdownTimeout=" + shutdownTimeout + ", timerPeriod=" + timerPeriod
        + ", pollerLease=" + pollerLease + ", outboxRecovery=" + outboxRecovery + ", dialect="
        + dialect + ", webhookAllow=" + webhookAllow + ", webhookTrustedProxies=" + webhookTrustedProxies + ", redisUnsafeOk=" + redisUnsafeOk
        + ", handlerDeadline=" + handlerDeadline + ", stateDir=" + stateDir + ", logContent=" + logContent + "]";
  }

  private static boolean isLoopback(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
  }

  private static int defaultParallelism() {
    // Lanes mostly wait for the store and the API, so they outnumber the CPUs.
    return Math.max(4, Runtime.getRuntime().availableProcessors() * 4);
  }

  private static boolean positive(Duration duration) {
    return duration != null && !duration.isNegative() && !duration.isZero();
  }

  private static Optional<String> secretProblem(ApiDialect dialect, String secret) {
    if (secret.codePointCount(0, secret.length()) < 22) {
      return Optional.of("WEBHOOK_SECRET has " + secret.codePointCount(0, secret.length())
          + " characters; it must have at least 22 (128 bits as base64url)");
    }
    if (dialect == ApiDialect.MAX && !secret.matches("[A-Za-z0-9_-]{5,256}")) {
      return Optional.of("WEBHOOK_SECRET holds characters MAX does not allow; it must be 22..256 of"
          + " A-Z, a-z, 0-9, '_' and '-'");
    }
    return Optional.empty();
  }

  private static void networkProblems(String name, List<String> networks, List<String> problems) {
    for (String network : networks) {
      try {
        WebhookIngress.checkNetwork(network);
      } catch (IllegalArgumentException e) {
        problems.add(name + ": " + e.getMessage());
      }
    }
  }

  private static void check(List<String> problems, boolean ok, String problem) {
    if (!ok) {
      problems.add(problem);
    }
  }
}
