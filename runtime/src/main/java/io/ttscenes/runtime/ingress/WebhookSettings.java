package io.ttscenes.runtime.ingress;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.client.BotApi;
import io.ttscenes.runtime.engine.Dispatcher;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of one {@link WebhookIngress}, checked here so the builder can refuse a bad value
 * at once and the ingress never sees one; also derives what the settings imply: the path served,
 * the URL subscribed, and log text with the secret masked.
 */
record WebhookSettings(Dispatcher dispatcher, BotApi api, String host, int port, String path,
    Optional<String> secret, Optional<String> publicUrl, boolean unsubscribeOnStop,
    Duration ackTimeout, Duration bodyTimeout, int threads, Set<String> types, ObjectMapper mapper) {

  WebhookSettings {
    Objects.requireNonNull(dispatcher, "dispatcher");
    Objects.requireNonNull(api, "api");
    checkPort(port);
    Objects.requireNonNull(host, "host");
    checkPath(path);
    secret.ifPresent(WebhookSettings::checkSecret);
    Objects.requireNonNull(publicUrl, "publicUrl");
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
    if (secret.isBlank() || secret.contains("/")) {
      throw new IllegalArgumentException("webhook secret must be non-blank and contain no '/'");
    }
    return secret;
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

  /** The path served: {@link #path} without a trailing slash, the secret (if any) appended. */
  String servedPath() {
    String base = WebhookPath.stripSlash(path);
    return secret.map(s -> (base.equals("/") ? "" : base) + "/" + s).orElse(base);
  }

  /**
   * The URL to subscribe, the secret (if any) appended as the served path spells it (percent-encoded
   * where a URL needs it); empty when no public URL is set.
   */
  Optional<String> subscriptionUrl() {
    return publicUrl.map(url -> secret.map(s -> WebhookPath.stripSlash(url) + WebhookPath.rawForm("/" + s))
        .orElse(url));
  }

  /** The update types to subscribe to, or null (the API's "all") when none were named. */
  List<String> subscribedTypes() {
    return types.isEmpty() ? null : List.copyOf(types);
  }

  /** {@code text} with the secret masked, for logs. */
  String redacted(String text) {
    // Both spellings: the subscribed URL holds the secret percent-encoded where a URL needs it.
    return secret.map(s -> text.replace(WebhookPath.rawForm("/" + s).substring(1), "***").replace(s, "***"))
        .orElse(text);
  }
}
