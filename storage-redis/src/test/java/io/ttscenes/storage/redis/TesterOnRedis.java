package io.ttscenes.storage.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.Bot;
import io.ttscenes.testkit.kit.BotTester;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.UnifiedJedis;

/**
 * A {@link BotTester} on a real Redis under a key prefix of its own, for tests that read back what
 * a release stored (the data migration tests). Registered with {@code @RegisterExtension} on an
 * instance field, it closes the bot and the store after each test.
 */
final class TesterOnRedis implements AfterEachCallback {
  private static final ObjectMapper JSON = new ObjectMapper();

  final BotTester bot;
  private final RedisServerExtension redis;
  private final RedisKeys keys;
  private final RedisSessionStore store;

  private TesterOnRedis(Bot first, String name, RedisServerExtension redis) {
    RedisConfig config = RedisConfig.fromUrl(redis.url()).newBuilder().botName(name + "-" + System.nanoTime()).build();
    this.redis = redis;
    this.keys = new RedisKeys(config.keyPrefix());
    this.store = RedisSessionStore.create(config);
    this.bot = BotTester.builder(first).store(store).build().start();
  }

  /** Starts {@code first} (the old release) on {@code redis}, its keys named after {@code name}. */
  static TesterOnRedis start(Bot first, String name, RedisServerExtension redis) {
    return new TesterOnRedis(first, name, redis);
  }

  /** The data field {@code d} of the hash {@code key} names, as stored. */
  JsonNode storedData(Function<RedisKeys, String> key) {
    try (UnifiedJedis client = redis.newClient()) {
      return JSON.readTree(client.hget(key.apply(keys), "d"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    bot.close();
    store.close();
  }
}
