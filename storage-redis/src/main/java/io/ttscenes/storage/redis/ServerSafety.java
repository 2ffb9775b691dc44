package io.ttscenes.storage.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * What in a Redis server's settings can lose committed sessions: an eviction policy other than
 * {@code noeviction} (every session, outbox and timer key has a TTL, so even {@code volatile-*}
 * may evict them under memory pressure), and no persistence at all (no AOF and no RDB save
 * points), which loses everything on a restart.
 */
final class ServerSafety {
  private ServerSafety() {}

  /** The problems found, empty when the server is safe; throws {@link JedisException} when it cannot be asked. */
  static List<String> problems(UnifiedJedis jedis) {
    List<String> problems = new ArrayList<>();
    String policy = infoField(jedis.info("memory"), "maxmemory_policy").orElse("noeviction");
    if (!policy.equals("noeviction")) {
      problems.add("maxmemory-policy is " + policy + ": under memory pressure Redis evicts session, "
          + "outbox and timer keys (they all have a TTL); use noeviction");
    }
    boolean aof = infoField(jedis.info("persistence"), "aof_enabled").orElse("0").equals("1");
    if (!aof && saveRule(jedis).isBlank()) {
      problems.add("persistence is off (appendonly no, save ''): a restart loses every session and "
          + "every reply not yet sent; enable AOF (appendonly yes) or RDB save points");
    }
    return problems;
  }

  private static String saveRule(UnifiedJedis jedis) {
    Object reply = jedis.sendCommand(Protocol.Command.CONFIG, "GET", "save");
    if (reply instanceof List<?> pair && pair.size() == 2 && pair.get(1) instanceof byte[] value) {
      return new String(value, StandardCharsets.UTF_8);
    }
    // An unexpected shape is not "no persistence": report nothing rather than a false alarm.
    return "unknown";
  }

  private static Optional<String> infoField(String info, String name) {
    for (String line : info.split("\r?\n")) {
      if (line.startsWith(name + ":")) {
        return Optional.of(line.substring(name.length() + 1).trim());
      }
    }
    return Optional.empty();
  }
}
