package io.ttscenes.example.faq;

import io.ttscenes.api.store.SessionStore;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import io.ttscenes.runtime.RuntimeConfigException;
import io.ttscenes.runtime.store.InMemorySessionStore;
import io.ttscenes.storage.redis.RedisConfig;
import io.ttscenes.storage.redis.RedisSessionStore;
import io.ttscenes.testkit.Emulator;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the FAQ bot with settings from the environment ({@link RuntimeConfig}). With
 * {@code TAMTAM_TOKEN} it talks to {@code TAMTAM_API_URL} (default: TamTam), storing sessions in
 * Redis when {@code REDIS_URL} is set and in memory otherwise. Without a token it starts the local
 * emulator on {@code EMULATOR_PORT} (default 8080) with the in-memory store and prints the address
 * of its web chat ({@code EMULATOR_HOST=0.0.0.0} serves it to other machines, e.g. from a
 * container). Ctrl-C (SIGINT/SIGTERM) closes it gracefully.
 */
public final class FaqBotMain {
  private FaqBotMain() {}

  /** Starts the bot and blocks until the process is asked to stop; exits 2 on bad settings. */
  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = new HashMap<>(System.getenv());
    Emulator emulator = isBlank(env.get("TAMTAM_TOKEN")) ? startEmulator(env) : null;
    RuntimeConfig config;
    try {
      config = RuntimeConfig.from(env);
    } catch (RuntimeConfigException e) {
      System.err.println("Cannot start the FAQ bot: " + e.getMessage());
      closeQuietly(emulator);
      System.exit(2);
      return;
    }
    BotRuntime runtime = BotRuntime.builder(FaqBot.create(), config).store(store(config), true).build();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      runtime.close();
      closeQuietly(emulator);
      stopped.countDown();
    }, "faq-bot-shutdown"));
    runtime.start();
    if (emulator != null) {
      System.out.println("FAQ bot is running against the local emulator.");
      System.out.println("  Web chat:    " + emulator.webChatUrl());
      System.out.println("  Bot API:     " + emulator.baseUrl() + " (token " + emulator.token() + ")");
      System.out.println("Press Ctrl-C to stop.");
    }
    stopped.await();
  }

  private static Emulator startEmulator(Map<String, String> env) {
    String port = env.getOrDefault("EMULATOR_PORT", "8080").strip();
    String host = env.getOrDefault("EMULATOR_HOST", "127.0.0.1").strip();
    Emulator emulator;
    try {
      emulator = Emulator.builder().port(Integer.parseInt(port)).host(InetAddress.getByName(host))
          .start();
    } catch (NumberFormatException e) {
      return fail("EMULATOR_PORT is '" + port + "'; it must be a number 0..65535");
    } catch (IllegalArgumentException | UnknownHostException | UncheckedIOException e) {
      return fail("cannot start the local emulator on " + host + ":" + port + ": " + e.getMessage()
          + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")")
          + "; set EMULATOR_PORT to a free port");
    }
    // Without a token the emulator is the whole world: its API, and the in-memory store.
    env.put("TAMTAM_API_URL", emulator.baseUrl());
    env.put("TAMTAM_TOKEN", emulator.token());
    env.remove("REDIS_URL");
    env.remove("WEBHOOK_URL");
    return emulator;
  }

  private static Emulator fail(String message) {
    System.err.println("Cannot start the FAQ bot: " + message);
    System.exit(2);
    throw new IllegalStateException(message);
  }

  private static SessionStore store(RuntimeConfig config) {
    return config.redisUrl()
        .<SessionStore>map(url -> RedisSessionStore.create(RedisConfig.fromUrl(url.toString())))
        .orElseGet(InMemorySessionStore::create);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static void closeQuietly(Emulator emulator) {
    if (emulator != null) {
      emulator.close();
    }
  }
}
