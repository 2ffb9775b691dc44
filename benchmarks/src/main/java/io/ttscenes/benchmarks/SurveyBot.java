package io.ttscenes.benchmarks;

import io.ttscenes.api.store.SessionStore;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.ingress.LongPollIngress;
import io.ttscenes.runtime.store.InMemorySessionStore;
import io.ttscenes.storage.redis.RedisConfig;
import io.ttscenes.storage.redis.RedisSessionStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The survey bot of WORKLOAD.md as a program: settings only from the environment
 * ({@code TAMTAM_API_URL}, {@code TAMTAM_TOKEN}, {@code REDIS_URL}; no {@code REDIS_URL} means the
 * in-memory store; {@code TTSCENES_PARALLELISM} optionally sets the number of lanes), updates by
 * long polling. Runs until the process is stopped.
 */
public final class SurveyBot {
  private SurveyBot() {}

  /** Starts the bot from the process environment and blocks until the JVM shuts down. */
  public static void main(String[] args) throws InterruptedException {
    AutoCloseable bot = start(System.getenv());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      closeQuietly(bot);
      stopped.countDown();
    }, "survey-bot-stop"));
    stopped.await();
  }

  /**
   * Starts the bot with the settings in {@code env} and returns what stops it. Throws
   * {@link IllegalStateException} when {@code TAMTAM_TOKEN} is missing and
   * {@link IllegalArgumentException} for a malformed setting.
   */
  public static AutoCloseable start(Map<String, String> env) {
    OkHttpBotApi api = OkHttpBotApi.fromEnvironment(env).requestsPerSecond(1_000_000).build();
    SessionStore store = store(env);
    Dispatcher.Builder dispatcher = Dispatcher.builder(SurveyFlow.bot("survey"), store, api);
    parallelism(env).ifPresent(dispatcher::parallelism);
    Dispatcher running = dispatcher.build();
    LongPollIngress ingress = LongPollIngress.builder(api, running, store).build();
    ingress.start();
    return () -> {
      ingress.stop(Duration.ofSeconds(5));
      running.close();
      store.close();
    };
  }

  private static void closeQuietly(AutoCloseable bot) {
    try {
      bot.close();
    } catch (Exception e) {
      System.err.println("survey bot: stopping failed: " + e);
    }
  }

  private static SessionStore store(Map<String, String> env) {
    String url = env.get("REDIS_URL");
    if (url == null || url.isBlank()) {
      return InMemorySessionStore.create();
    }
    // One instance polls, so the near cache saves the load's round trip; were another instance to
    // write a session, the commit's version check would catch the stale copy and re-run.
    return RedisSessionStore.create(RedisConfig.fromUrl(url).newBuilder().nearCache(true).build());
  }

  private static java.util.OptionalInt parallelism(Map<String, String> env) {
    String value = env.get("TTSCENES_PARALLELISM");
    if (value == null || value.isBlank()) {
      return java.util.OptionalInt.empty();
    }
    try {
      return java.util.OptionalInt.of(Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("TTSCENES_PARALLELISM is '" + value + "'; it must be a number", e);
    }
  }
}
