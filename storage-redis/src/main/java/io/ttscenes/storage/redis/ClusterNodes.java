package io.ttscenes.storage.redis;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the seed nodes of a Redis Cluster: a {@code host:port,host:port} list as in
 * {@code REDIS_CLUSTER_NODES}, or a {@code redis-cluster://[user:password@]host:port,...} URL
 * ({@code rediss-cluster://} for TLS), the form the runtime hands to the store provider.
 */
final class ClusterNodes {
  static final String SCHEME = "redis-cluster";
  static final String TLS_SCHEME = "rediss-cluster";

  private ClusterNodes() {}

  static boolean isClusterUrl(URI url) {
    return SCHEME.equals(url.getScheme()) || TLS_SCHEME.equals(url.getScheme());
  }

  /**
   * The nodes of {@code list}, in order.
   *
   * @throws IllegalArgumentException naming the entry that is not {@code host:port}
   */
  static List<InetSocketAddress> parse(String list) {
    if (list.isBlank()) {
      throw new IllegalArgumentException(
          "redis cluster nodes are empty; expected host:port,host:port,...");
    }
    List<InetSocketAddress> nodes = new ArrayList<>();
    for (String entry : list.split(",", -1)) {
      nodes.add(node(entry.trim()));
    }
    return List.copyOf(nodes);
  }

  private static InetSocketAddress node(String entry) {
    int colon = entry.lastIndexOf(':');
    if (colon <= 0 || entry.indexOf(':') != colon) {
      throw new IllegalArgumentException("redis cluster node '" + entry
          + "' is not host:port; expected host:port,host:port,...");
    }
    String port = entry.substring(colon + 1);
    if (port.matches("[0-9]{1,5}")) {
      int number = Integer.parseInt(port);
      if (number >= 1 && number <= 65535) {
        return InetSocketAddress.createUnresolved(entry.substring(0, colon), number);
      }
    }
    throw new IllegalArgumentException("redis cluster node '" + entry + "' has port '" + port
        + "'; expected a number 1..65535");
  }

  /** Fills {@code b} from a cluster URL: TLS from the scheme, credentials, the nodes. */
  static void fromUrl(URI url, RedisConfig.Builder b) {
    String authority = url.getRawAuthority() == null ? "" : url.getRawAuthority();
    if (url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/")) {
      throw new IllegalArgumentException("redis cluster url has the path '" + url.getRawPath()
          + "'; a cluster has only database 0, so it takes none");
    }
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String info = authority.substring(0, at);
      int colon = info.indexOf(':');
      String user = decode(colon < 0 ? "" : info.substring(0, colon));
      String password = decode(colon < 0 ? info : info.substring(colon + 1));
      if (!user.isEmpty()) {
        b.user(user);
      }
      if (!password.isEmpty()) {
        b.password(password);
      }
    }
    b.tls(TLS_SCHEME.equals(url.getScheme())).clusterNodes(parse(authority.substring(at + 1)));
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
