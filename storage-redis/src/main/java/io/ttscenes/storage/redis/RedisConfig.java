package io.ttscenes.storage.redis;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a bot's Redis is and how to use it: the parts of a {@code redis://} or {@code rediss://}
 * URL or the seed nodes of a Redis Cluster, the key prefix of the bot (default {@code tts:bot:}),
 * the pool size, timeouts, the optional near cache and whether the server is a Redis Cluster.
 * Immutable; change it with {@link #newBuilder()}.
 */
public final class RedisConfig {
  private final String host;
  private final int port;
  private final boolean tls;
  private final Optional<String> user;
  private final Optional<String> password;
  private final int database;
  private final String keyPrefix;
  private final int poolSize;
  private final Duration connectTimeout;
  private final Duration socketTimeout;
  private final boolean nearCache;
  private final long nearCacheSize;
  private final Duration nearCacheTtl;
  private final boolean cluster;
  private final List<InetSocketAddress> clusterNodes;
  private final boolean unsafeServerAllowed;

  private RedisConfig(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.tls = b.tls;
    this.user = b.user;
    this.password = b.password;
    this.database = b.database;
    this.keyPrefix = b.keyPrefix;
    this.poolSize = b.poolSize;
    this.connectTimeout = b.connectTimeout;
    this.socketTimeout = b.socketTimeout;
    this.nearCache = b.nearCache;
    this.nearCacheSize = b.nearCacheSize;
    this.nearCacheTtl = b.nearCacheTtl;
    this.cluster = b.cluster;
    this.clusterNodes = b.clusterNodes;
    this.unsafeServerAllowed = b.unsafeServerAllowed;
  }

  /**
   * Parses {@code redis://[[user]:password@]host[:port][/database][?unsafe_ok=true]}
   * ({@code rediss://} for TLS) with the default settings; the port defaults to 6379, the database
   * to 0; {@code unsafe_ok=true} sets {@link Builder#allowUnsafeServer}.
   *
   * @throws IllegalArgumentException naming the part of the URL that is wrong
   */
  public static RedisConfig fromUrl(String url) {
    Objects.requireNonNull(url, "url");
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      // Neither its message nor the exception itself as a cause: both quote the whole input.
      throw new IllegalArgumentException("redis url is not a URL (" + e.getReason() + " at index "
          + e.getIndex() + "): " + redact(url));
    }
    Builder b = new Builder();
    b.unsafeServerAllowed = uri.getQuery() != null
        && java.util.Arrays.asList(uri.getQuery().split("&")).contains("unsafe_ok=true");
    if (ClusterNodes.isClusterUrl(uri)) {
      ClusterNodes.fromUrl(uri, b);
      return b.build();
    }
    String scheme = Optional.ofNullable(uri.getScheme()).orElse("");
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw new IllegalArgumentException("redis url scheme is '" + scheme
          + "'; expected redis://, rediss://, redis-cluster:// or rediss-cluster://");
    }
    b.tls = scheme.equals("rediss");
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("redis url has no host: " + redact(url));
    }
    b.host = uri.getHost();
    b.port = uri.getPort() == -1 ? 6379 : uri.getPort();
    parseUserInfo(uri.getUserInfo(), b);
    b.database = parseDatabase(uri.getPath());
    return b.build();
  }

  /**
   * A Redis Cluster reached through the seed nodes {@code host:port,host:port,...} (as in
   * {@code REDIS_CLUSTER_NODES}), with the default settings; the store then uses Jedis' cluster
   * client. Credentials and TLS are set on the {@link #newBuilder() builder}.
   *
   * @throws IllegalArgumentException for an empty list or an entry that is not {@code host:port}
   */
  public static RedisConfig fromClusterNodes(String nodes) {
    Objects.requireNonNull(nodes, "nodes");
    Builder b = new Builder();
    b.clusterNodes(ClusterNodes.parse(nodes));
    return b.build();
  }

  private static void parseUserInfo(String info, Builder b) {
    if (info == null || info.isEmpty()) {
      return;
    }
    int colon = info.indexOf(':');
    if (colon < 0) {
      b.password = Optional.of(info);
      return;
    }
    String name = info.substring(0, colon);
    b.user = name.isEmpty() ? Optional.empty() : Optional.of(name);
    String secret = info.substring(colon + 1);
    b.password = secret.isEmpty() ? Optional.empty() : Optional.of(secret);
  }

  private static int parseDatabase(String path) {
    if (path == null || path.isEmpty() || path.equals("/")) {
      return 0;
    }
    try {
      int db = Integer.parseInt(path.substring(1));
      if (db >= 0) {
        return db;
      }
    } catch (NumberFormatException e) {
      // reported below with the offending path
    }
    throw new IllegalArgumentException(
        "redis url database is '" + path.substring(1) + "'; expected a number >= 0");
  }

  /** Returns a builder holding this configuration's settings. */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.tls = tls;
    b.user = user;
    b.password = password;
    b.database = database;
    b.keyPrefix = keyPrefix;
    b.poolSize = poolSize;
    b.connectTimeout = connectTimeout;
    b.socketTimeout = socketTimeout;
    b.nearCache = nearCache;
    b.nearCacheSize = nearCacheSize;
    b.nearCacheTtl = nearCacheTtl;
    b.cluster = cluster;
    b.clusterNodes = clusterNodes;
    b.unsafeServerAllowed = unsafeServerAllowed;
    return b;
  }

  /** The server's host name or address. */
  public String host() {
    return host;
  }

  /** The server's port. */
  public int port() {
    return port;
  }

  /** Whether the connection uses TLS ({@code rediss://}). */
  public boolean tls() {
    return tls;
  }

  /** The ACL user name, when the URL has one. */
  public Optional<String> user() {
    return user;
  }

  /** The password, when the URL has one. */
  public Optional<String> password() {
    return password;
  }

  /** The database number (standalone servers only). */
  public int database() {
    return database;
  }

  /** What every key of this bot starts with, such as {@code tts:faq:}. */
  public String keyPrefix() {
    return keyPrefix;
  }

  /** The most connections the pool opens. */
  public int poolSize() {
    return poolSize;
  }

  /** How long to wait for a connection to open. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long to wait for an answer (and for a free pooled connection). */
  public Duration socketTimeout() {
    return socketTimeout;
  }

  /** Whether the store keeps the sessions it committed in a local near cache. */
  public boolean nearCache() {
    return nearCache;
  }

  /**
   * How many sessions the near cache holds at most. It also remembers up to ten times as many keys
   * of sessions known to exist (about 200 bytes each for a 30-character key: 20 MB at the default), so that a session it
   * no longer holds is read rather than guessed new ({@link RedisSessionStore#loadOrGuess}).
   */
  public long nearCacheSize() {
    return nearCacheSize;
  }

  /** How long a near-cache entry lives at most. */
  public Duration nearCacheTtl() {
    return nearCacheTtl;
  }

  /** Whether the server is a Redis Cluster, so no script may touch two hash slots. */
  public boolean cluster() {
    return cluster || !clusterNodes.isEmpty();
  }

  /** The seed nodes of a Redis Cluster (unresolved addresses); empty for one server. */
  public List<InetSocketAddress> clusterNodes() {
    return clusterNodes;
  }

  /**
   * Whether {@link RedisSessionStore#checkServer()} lets a server that can lose sessions (eviction
   * policy, no persistence) through with a warning instead of refusing it.
   */
  public boolean unsafeServerAllowed() {
    return unsafeServerAllowed;
  }

  /** The address without secrets, such as {@code rediss://app:***@cache:6380/2}. */
  public String redactedUrl() {
    String auth = user.map(u -> u + ":").orElse(password.isPresent() ? ":" : "")
        + (password.isPresent() ? "***@" : user.isPresent() ? "@" : "");
    if (!clusterNodes.isEmpty()) {
      return (tls ? ClusterNodes.TLS_SCHEME : ClusterNodes.SCHEME) + "://" + auth
          + String.join(",", clusterNodes.stream().map(n -> n.getHostString() + ":" + n.getPort()).toList());
    }
    return (tls ? "rediss://" : "redis://") + auth + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "RedisConfig{" + redactedUrl() + ", keyPrefix=" + keyPrefix + ", poolSize=" + poolSize
        + ", nearCache=" + nearCache + ", cluster=" + cluster + "}";
  }

  /** {@code url} with everything a password could be in masked: {@code user:***@} or {@code ***@}. */
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

  /** Settings of a {@link RedisConfig}; start from {@link RedisConfig#fromUrl}. Not thread-safe. */
  public static final class Builder {
    private String host = "localhost";
    private int port = 6379;
    private boolean tls;
    private Optional<String> user = Optional.empty();
    private Optional<String> password = Optional.empty();
    private int database;
    private String keyPrefix = "tts:bot:";
    private int poolSize = 16;
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration socketTimeout = Duration.ofSeconds(2);
    private boolean nearCache;
    private long nearCacheSize = 10_000;
    private Duration nearCacheTtl = Duration.ofSeconds(10);
    private boolean cluster;
    private List<InetSocketAddress> clusterNodes = List.of();
    private boolean unsafeServerAllowed;

    private Builder() {}

    /** Sets the ACL user name (default none: the {@code default} user). */
    public Builder user(String name) {
      this.user = Optional.of(nonEmpty("user", name));
      return this;
    }

    /** Sets the password (default none). */
    public Builder password(String secret) {
      this.password = Optional.of(nonEmpty("password", secret));
      return this;
    }

    /** Turns TLS on or off ({@code rediss://} turns it on). */
    public Builder tls(boolean enabled) {
      this.tls = enabled;
      return this;
    }

    Builder clusterNodes(List<InetSocketAddress> nodes) {
      this.clusterNodes = List.copyOf(nodes);
      return this;
    }

    /** Sets the key prefix to {@code tts:<botName>:}, so several bots can share one Redis. */
    public Builder botName(String botName) {
      Objects.requireNonNull(botName, "botName");
      if (botName.isEmpty()) {
        throw new IllegalArgumentException("botName is empty; it must have at least 1 char");
      }
      return keyPrefix("tts:" + botName + ":");
    }

    /** Sets the prefix of every key; it must not contain braces, which would set a hash tag. */
    public Builder keyPrefix(String prefix) {
      Objects.requireNonNull(prefix, "keyPrefix");
      if (prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
        throw new IllegalArgumentException(
            "keyPrefix is '" + prefix + "'; it must not contain '{' or '}' (hash tags)");
      }
      this.keyPrefix = prefix;
      return this;
    }

    /** The most pooled connections (default 16). */
    public Builder poolSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("poolSize is " + size + "; it must be >= 1");
      }
      this.poolSize = size;
      return this;
    }

    /** How long to wait for a connection to open (default 2 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /** How long to wait for an answer or a free connection (default 2 s). */
    public Builder socketTimeout(Duration timeout) {
      this.socketTimeout = positive("socketTimeout", timeout);
      return this;
    }

    /** Turns the near cache on or off (default off). */
    public Builder nearCache(boolean enabled) {
      this.nearCache = enabled;
      return this;
    }

    /**
     * How many sessions the near cache holds at most (default 10,000), and a tenth of how many keys
     * of existing sessions it remembers (see {@link RedisConfig#nearCacheSize()}).
     */
    public Builder nearCacheSize(long size) {
      if (size < 1) {
        throw new IllegalArgumentException("nearCacheSize is " + size + "; it must be >= 1");
      }
      this.nearCacheSize = size;
      return this;
    }

    /** How long a near-cache entry lives at most (default 10 s). */
    public Builder nearCacheTtl(Duration ttl) {
      this.nearCacheTtl = positive("nearCacheTtl", ttl);
      return this;
    }

    /** Declares a Redis Cluster (default false): scripts then never touch two hash slots. */
    public Builder cluster(boolean isCluster) {
      this.cluster = isCluster;
      return this;
    }

    /**
     * Whether a server whose settings can lose sessions is accepted with a warning (default false:
     * {@link RedisSessionStore#checkServer()} refuses it). For tests and throwaway servers.
     */
    public Builder allowUnsafeServer(boolean allowed) {
      this.unsafeServerAllowed = allowed;
      return this;
    }

    /** Returns the configuration. */
    public RedisConfig build() {
      return new RedisConfig(this);
    }

    private static String nonEmpty(String name, String value) {
      Objects.requireNonNull(value, name);
      if (value.isEmpty()) {
        throw new IllegalArgumentException(name + " is empty; leave it unset instead");
      }
      return value;
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " is " + value + "; it must be positive");
      }
      return value;
    }
  }
}
