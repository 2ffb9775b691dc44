package io.ttscenes.runtime;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads where the sessions live: {@code REDIS_URL} (one server) or {@code REDIS_CLUSTER_NODES}
 * ({@code host:port,host:port,...}, the seed nodes of a Redis Cluster, optionally behind
 * {@code rediss://} for TLS), never both, with {@code REDIS_USERNAME} and {@code REDIS_PASSWORD}
 * for the credentials a URL does not carry itself. The result is the store URL a
 * {@code SessionStoreProvider} opens; a cluster's is {@code redis-cluster://[user:password@]nodes}
 * ({@code rediss-cluster://} with TLS).
 */
final class RedisAddress {
  private RedisAddress() {}

  static Optional<URI> read(EnvReader read) {
    Optional<String> nodes = read.text("REDIS_CLUSTER_NODES");
    Optional<String> user = read.text("REDIS_USERNAME");
    Optional<String> password = read.text("REDIS_PASSWORD");
    if (user.isPresent() && password.isEmpty()) {
      read.problems().add("REDIS_USERNAME is set without REDIS_PASSWORD; Redis authenticates a user "
          + "by its password");
      return Optional.empty();
    }
    if (nodes.isPresent()) {
      if (read.text("REDIS_URL").isPresent()) {
        read.problems().add("REDIS_URL and REDIS_CLUSTER_NODES are both set; set REDIS_URL for one "
            + "server or REDIS_CLUSTER_NODES for a Redis Cluster, not both");
        return Optional.empty();
      }
      return cluster(read, nodes.get(), credentials(user, password));
    }
    Optional<URI> url = read.url("REDIS_URL", Set.of("redis", "rediss"));
    if (url.isEmpty()) {
      if (password.isPresent() && read.text("REDIS_URL").isEmpty()) {
        read.problems().add("REDIS_PASSWORD is set, but neither REDIS_URL nor REDIS_CLUSTER_NODES "
            + "says which Redis it is for");
      }
      return url;
    }
    return withCredentials(read, url.get(), credentials(user, password));
  }

  private static Optional<URI> withCredentials(EnvReader read, URI url, String credentials) {
    if (credentials.isEmpty()) {
      return Optional.of(url);
    }
    if (url.getRawUserInfo() != null) {
      read.problems().add("REDIS_URL has credentials and REDIS_USERNAME/REDIS_PASSWORD are set too; "
          + "give them in one place");
      return Optional.empty();
    }
    String text = url.toString();
    int hostStart = text.indexOf("://") + 3;
    return Optional.of(URI.create(text.substring(0, hostStart) + credentials + text.substring(hostStart)));
  }

  private static Optional<URI> cluster(EnvReader read, String value, String credentials) {
    boolean tls = value.startsWith("rediss://");
    String list = value.replaceFirst("^rediss?://", "");
    List<String> problems = nodeProblems(list);
    if (!problems.isEmpty()) {
      problems.forEach(p -> read.problems().add("REDIS_CLUSTER_NODES is '" + EnvReader.redact(value)
          + "'; " + p));
      return Optional.empty();
    }
    String scheme = tls ? "rediss-cluster://" : "redis-cluster://";
    return Optional.of(URI.create(scheme + credentials + list.replace(" ", "")));
  }

  /** What is wrong with each entry of a {@code host:port,...} list; empty when nothing is. */
  private static List<String> nodeProblems(String list) {
    return java.util.Arrays.stream(list.split(",", -1)).map(String::trim)
        .map(RedisAddress::nodeProblem).flatMap(Optional::stream).toList();
  }

  private static Optional<String> nodeProblem(String node) {
    int colon = node.lastIndexOf(':');
    if (colon <= 0 || node.indexOf(':') != colon || !node.substring(0, colon).matches("[A-Za-z0-9._-]+")) {
      return Optional.of("entry '" + node + "' is not host:port (a name or IPv4 address, a port)");
    }
    String port = node.substring(colon + 1);
    if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
      return Optional.of("entry '" + node + "' has port '" + port + "'; it must be 1..65535");
    }
    return Optional.empty();
  }

  /** {@code user:password@} percent-encoded, {@code :password@}, or empty. */
  private static String credentials(Optional<String> user, Optional<String> password) {
    return password.map(p -> user.map(RedisAddress::encode).orElse("") + ":" + encode(p) + "@")
        .orElse("");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
