package io.ttscenes.runtime.ingress;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.client.BotApi;
import io.ttscenes.runtime.client.ApiDialect;
import io.ttscenes.runtime.engine.Dispatcher;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of one {@link WebhookIngress}, checked here so the builder can refuse a bad value
 * at once and the ingress never sees one; also derives what the settings imply: the path served,
 * the URL subscribed, who may deliver, and log text with the secret masked.
 */
record WebhookSettings(Dispatcher dispatcher, BotApi api, String host, int port, String path,
    String secret, Optional<String> publicUrl, boolean unsubscribeOnStop,
    Duration ackTimeout, Duration bodyTimeout, int threads, Set<String> types, ObjectMapper mapper,
    ApiDialect dialect, List<Cidr> allowed, List<Cidr> trustedProxies) {
  /** The fewest characters a secret may have: 22 base64url characters carry 128 bits. */
  static final int MIN_SECRET_LENGTH = 22;
  private static final SecureRandom RANDOM = new SecureRandom();

  WebhookSettings {
    Objects.requireNonNull(dispatcher, "dispatcher");
    Objects.requireNonNull(api, "api");
    checkPort(port);
    Objects.requireNonNull(host, "host");
    checkPath(path);
    checkSecret(secret);
    Objects.requireNonNull(dialect, "dialect");
    if (dialect == ApiDialect.MAX && !secret.matches("[A-Za-z0-9_-]{5,256}")) {
      throw new IllegalArgumentException("webhook secret holds characters MAX does not allow; "
          + "with MAX it must be 5..256 of A-Z, a-z, 0-9, '_' and '-'");
    }
    publicUrl.ifPresent(url -> checkPublicUrl(dialect, url));
    allowed = List.copyOf(allowed);
    trustedProxies = List.copyOf(trustedProxies);
    checkPositive("ack timeout", ackTimeout);
    checkPositive("body timeout", bodyTimeout);
    checkThreads(threads);
    types = Set.copyOf(types);
    Objects.requireNonNull(mapper, "mapper");
  }

  static int checkPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("webhook port is " + port + "; it must be 0..65535");
    }
    return port;
  }

  static String checkPath(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("webhook path '" + path + "' must start with /");
    }
    return path;
  }

  static String checkSecret(String secret) {
    int length = secret.codePointCount(0, secret.length());
    if (secret.isBlank() || secret.contains("/") || length < MIN_SECRET_LENGTH) {
      // The secret itself is never in the message: it would end up in logs.
      throw new IllegalArgumentException("webhook secret has " + length + " characters; it must have"
          + " at least " + MIN_SECRET_LENGTH + " (128 bits as base64url), not be blank and contain no '/'");
    }
    return secret;
  }

  /** A new secret of 256 random bits, in characters every URL and MAX's header accept. */
  static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static void checkPublicUrl(ApiDialect dialect, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("webhook public URL is not a URL (" + e.getReason() + ")", e);
    }
    dialect.webhookPortProblem(uri).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
  }

  static Duration checkPositive(String name, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(name + " is " + timeout + "; it must be positive");
    }
    return timeout;
  }

  static int checkThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("webhook threads is " + threads + "; it must be >= 1");
    }
    return threads;
  }

  /** The path served: {@link #path} without a trailing slash, the secret appended. */
  String servedPath() {
    String base = WebhookPath.stripSlash(path);
    return (base.equals("/") ? "" : base) + "/" + secret;
  }

  /**
   * The URL to subscribe, the secret appended as the served path spells it (percent-encoded where
   * a URL needs it); empty when no public URL is set.
   */
  Optional<String> subscriptionUrl() {
    return publicUrl.map(url -> WebhookPath.stripSlash(url) + WebhookPath.rawForm("/" + secret));
  }

  /** Who may deliver: the allowed networks, the trusted proxies and, with MAX, the secret header. */
  WebhookAccess access() {
    return new WebhookAccess(allowed, trustedProxies,
        dialect == ApiDialect.MAX ? Optional.of(secret) : Optional.empty());
  }

  /** The update types to subscribe to, or null (the API's "all") when none were named. */
  List<String> subscribedTypes() {
    return types.isEmpty() ? null : List.copyOf(types);
  }

  /** {@code text} with the secret masked, for logs. */
  String redacted(String text) {
    // Both spellings: the subscribed URL holds the secret percent-encoded where a URL needs it.
    return text.replace(WebhookPath.rawForm("/" + secret).substring(1), "***").replace(secret, "***");
  }
}
