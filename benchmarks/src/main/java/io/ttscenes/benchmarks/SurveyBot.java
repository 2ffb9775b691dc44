package io.ttscenes.benchmarks;

import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.ttscenes.runtime.warmup.WarmupSettings;
import io.ttscenes.storage.redis.RedisConfig;
import io.ttscenes.storage.redis.RedisSessionStore;
import java.util.HashMap;
import java.util.Map;

/**
 * The survey bot of WORKLOAD.md as a program, started through {@link BotRuntime} with long
 * polling. Settings come only from the environment, read by {@link RuntimeConfig}:
 * {@code TAMTAM_API_URL}, {@code TAMTAM_TOKEN}, {@code REDIS_URL} (absent: the in-memory store)
 * and optionally {@code TTSCENES_PARALLELISM} and the other {@code TTSCENES_*} settings. It warms
 * up by rehearsing its own survey ({@code TTSCENES_WARMUP_HANDLERS} defaults to true here).
 */
public final class SurveyBot {
  /**
   * The client-side rate limit. TamTam allows 30 requests a second and that is the client's
   * default; the benchmark's Bot API is local and unlimited, so the limit is lifted here.
   */
  static final double REQUESTS_PER_SECOND = 1_000_000;

  private SurveyBot() {}

  /** Runs the bot from the process environment until the JVM shuts down (e.g. on SIGTERM). */
  public static void main(String[] args) throws InterruptedException {
    runtime(System.getenv()).runUntilShutdown();
  }

  /**
   * Starts the bot with the settings in {@code env} and returns it running; closing it stops it
   * gracefully. Throws {@link io.ttscenes.runtime.RuntimeConfigException} for bad settings.
   */
  public static BotRuntime start(Map<String, String> env) {
    BotRuntime runtime = runtime(env);
    runtime.start();
    return runtime;
  }

  private static BotRuntime runtime(Map<String, String> env) {
    RuntimeConfig config = RuntimeConfig.from(env);
    OkHttpBotApi api = OkHttpBotApi.builder(config.token()).baseUrl(config.apiUrl().toString())
        .requestsPerSecond(REQUESTS_PER_SECOND).build();
    // The survey's handlers only reply and keep answers in the session, so rehearsing them in the
    // warm-up touches nothing outside the process: it is on unless TTSCENES_WARMUP_HANDLERS says no.
    Map<String, String> warm = new HashMap<>(env);
    warm.putIfAbsent("TTSCENES_WARMUP_HANDLERS", "true");
    BotRuntime.Builder runtime = BotRuntime.builder(SurveyFlow.bot(config.botName()), config).api(api)
        .warmup(WarmupSettings.from(warm));
    // One instance polls, so the near cache saves each load's round trip; were another instance
    // to write a session, the commit's version check would catch the stale copy and re-run.
    config.redisUrl().ifPresent(url -> runtime.store(RedisSessionStore.create(
        RedisConfig.fromUrl(url.toString()).newBuilder().nearCache(true)
            .allowUnsafeServer(config.redisUnsafeOk()).build()).checkServer(), true));
    return runtime.build();
  }
}
