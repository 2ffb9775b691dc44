package io.ttscenes.runtime;

import io.ttscenes.runtime.client.ApiDialect;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads typed settings from environment variables, collecting every problem instead of stopping at the first. */
final class EnvReader {
  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  EnvReader(Map<String, String> env) {
    this.env = env;
  }

  List<String> problems() {
    return problems;
  }

  Optional<String> text(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** A comma-separated list, blanks dropped; empty when unset. */
  List<String> list(String name) {
    return text(name).map(v -> java.util.Arrays.stream(v.split(",")).map(String::trim)
        .filter(e -> !e.isEmpty()).toList()).orElse(List.of());
  }

  /** {@code tamtam} (default) or {@code max}. */
  ApiDialect dialect(String name) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return ApiDialect.TAMTAM;
    }
    return ApiDialect.named(value.get()).orElseGet(() -> {
      problems.add(name + " is '" + value.get() + "'; it must be tamtam or max");
      return ApiDialect.TAMTAM;
    });
  }

  int integer(String name, int fallback, int min, int max) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.get());
      if (parsed < min || parsed > max) {
        problems.add(name + " is " + parsed + "; it must be " + min + ".." + max);
        return fallback;
      }
      return parsed;
    } catch (NumberFormatException e) {
      problems.add(name + " is '" + value.get() + "'; it must be a whole number " + min + ".." + max);
      return fallback;
    }
  }

  boolean flag(String name, boolean fallback) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return fallback;
    }
    String v = value.get().toLowerCase(java.util.Locale.ROOT);
    if (Set.of("true", "1", "yes").contains(v)) {
      return true;
    }
    if (Set.of("false", "0", "no").contains(v)) {
      return false;
    }
    problems.add(name + " is '" + value.get() + "'; it must be true or false");
    return fallback;
  }

  /** An absolute URL of one of {@code schemes} with a host, or empty (with a problem when malformed). */
  Optional<URI> url(String name, Set<String> schemes) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String problem = urlProblem(value.get(), schemes);
    if (problem != null) {
      problems.add(name + " is '" + redact(value.get()) + "'; " + problem);
      return Optional.empty();
    }
    return Optional.of(URI.create(value.get()));
  }

  static String urlProblem(String value, Set<String> schemes) {
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))) {
        return "it must be a URL starting with one of " + String.join("://, ", new java.util.TreeSet<>(schemes)) + "://";
      }
      if (uri.getHost() == null) {
        return value.contains("@")
            ? "it has no host (a '/', '@' or ':' in the user name or password must be percent-encoded, e.g. %2F)"
            : "it has no host";
      }
      // java.net.URI reads any number of digits as a port.
      if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
        return "its port " + uri.getPort() + " is outside 1..65535";
      }
      return null;
    } catch (URISyntaxException e) {
      return "it is not a URL (" + e.getReason() + ")";
    }
  }

  /**
   * Hides a password in a URL so logs and errors never show it, in every form: {@code user:pass@},
   * {@code :pass@} and a bare {@code pass@} (Redis reads a lone user-info as the password), also
   * when it holds a '/' or '@' that should have been percent-encoded.
   */
  static String redact(String url) {
    int scheme = url.indexOf("://");
    int at = url.lastIndexOf('@');
    if (scheme < 0 || at < scheme) {
      return url;
    }
    String info = url.substring(scheme + 3, at);
    int colon = info.indexOf(':');
    String user = colon > 0 && info.lastIndexOf('/', colon) < 0 ? info.substring(0, colon + 1) : "";
    return url.substring(0, scheme + 3) + user + "***" + url.substring(at);
  }
}
