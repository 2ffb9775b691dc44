package io.ttscenes.storage.redis;

/**
 * The key layout of one bot. Session keys are escaped ({@code %}, <code>{</code>, <code>}</code>
 * as %25, %7B, %7D) so the hash tag is exactly the escaped session key, and two session keys
 * never share a Redis key.
 */
final class RedisKeys {
  private final String prefix;

  RedisKeys(String prefix) {
    this.prefix = prefix;
  }

  /** HASH v (version), d (data), u (recent update ids joined by \n). */
  String session(String key) {
    return prefix + "s:{" + escape(key) + "}";
  }

  /** HASH outbox id -> "version:payload"; same slot as {@link #session}. */
  String outbox(String key) {
    return prefix + "o:{" + escape(key) + "}";
  }

  /** ZSET session key -> due (or lease end) epoch ms. */
  String timers() {
    return prefix + "timers";
  }

  /** ZSET session key -> time its outbox was written; finds outboxes left by a crash. */
  String outboxIndex() {
    return prefix + "outboxes";
  }

  /** STRING, the long-poll marker. */
  String marker() {
    return prefix + "marker";
  }

  /** STRING, the owner of lease {@code name}; expires with the lease. */
  String lease(String name) {
    return prefix + "lease:" + name;
  }

  static String escape(String key) {
    if (key.indexOf('%') < 0 && key.indexOf('{') < 0 && key.indexOf('}') < 0) {
      return key;
    }
    return key.replace("%", "%25").replace("{", "%7B").replace("}", "%7D");
  }
}
