package io.ttscenes.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * {@link FloorBot}'s survey state in Redis, a hash per user ({@code floor:<chat id>}) read and
 * written in one round trip by the script {@code floor-state.lua}. Thread-safe (a pooled client);
 * Jedis' exceptions pass through.
 */
final class FloorState implements AutoCloseable {
  /** run-survey reads the commands this script runs from the same file. */
  private static final String SCRIPT = resource("floor-state.lua");

  private final UnifiedJedis redis;
  private final String sha;

  FloorState(URI redisUrl, int connections) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(connections);
    pool.setMaxIdle(connections);
    this.redis = RedisClient.builder().fromURI(redisUrl).poolConfig(pool).build();
    this.sha = redis.scriptLoad(SCRIPT);
  }

  /**
   * Returns chat {@code chat}'s scene, promo, q1 and answer as they were ("" when unset) and, when
   * its scene is {@code scene} ("*": any), writes {@code fieldsAndValues}; one round trip.
   */
  List<String> exchange(long chat, String scene, String... fieldsAndValues) {
    List<String> keys = List.of("floor:" + chat);
    List<String> args = new ArrayList<>(1 + fieldsAndValues.length);
    args.add(scene);
    args.addAll(List.of(fieldsAndValues));
    Object reply;
    try {
      reply = redis.evalsha(sha, keys, args);
    } catch (JedisNoScriptException e) {
      reply = redis.eval(SCRIPT, keys, args); // Redis lost its script cache (a restart): send it whole.
    }
    List<String> out = new ArrayList<>(4);
    ((List<?>) reply).forEach(value -> out.add(value == null ? "" : value.toString()));
    return out;
  }

  @Override
  public void close() {
    redis.close();
  }

  private static String resource(String name) {
    try (InputStream in = FloorState.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
