package io.ttscenes.storage.redis;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.ttscenes.testkit.Emulator;
import java.time.Duration;
import java.util.Map;

/**
 * A real runtime on a Redis store against a fresh emulator, with short Redis timeouts and a fast
 * timer poll: the setup of the tests that stop and restart Redis under a running bot.
 */
final class BotOnRedis implements AutoCloseable {
  final Emulator emulator;
  private final RedisSessionStore store;
  private final BotRuntime runtime;

  private BotOnRedis(Emulator emulator, RedisSessionStore store, BotRuntime runtime) {
    this.emulator = emulator;
    this.store = store;
    this.runtime = runtime;
  }

  /** Starts {@code bot} under the store name {@code name} on the Redis at {@code redisUrl}. */
  static BotOnRedis start(Bot bot, String name, String redisUrl) {
    Emulator emulator = Emulator.start(0);
    OkHttpBotApi api = OkHttpBotApi.builder(emulator.token()).baseUrl(emulator.baseUrl())
        .requestsPerSecond(100_000).build();
    RedisSessionStore store = RedisSessionStore.create(RedisConfig.fromUrl(redisUrl).newBuilder().botName(name)
        .connectTimeout(Duration.ofMillis(500)).socketTimeout(Duration.ofMillis(500)).build());
    RuntimeConfig config = RuntimeConfig.from(Map.of(
        "TAMTAM_API_URL", emulator.baseUrl(),
        "TAMTAM_TOKEN", emulator.token(),
        "TTSCENES_BOT_NAME", name,
        "TTSCENES_POLL_TIMEOUT_SECONDS", "5",
        "TTSCENES_TIMER_PERIOD_MS", "100"));
    BotRuntime runtime = BotRuntime.builder(bot, config).store(store, false).api(api).build();
    runtime.start();
    return new BotOnRedis(emulator, store, runtime);
  }

  @Override
  public void close() {
    runtime.close();
    store.close();
    emulator.close();
  }
}
