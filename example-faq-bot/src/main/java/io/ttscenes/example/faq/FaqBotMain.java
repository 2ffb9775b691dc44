package io.ttscenes.example.faq;

import io.ttscenes.api.store.SessionStore;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import io.ttscenes.runtime.admin.AdminSettings;
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
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the FAQ bot with settings from the environment ({@link RuntimeConfig}). With
 * {@code TAMTAM_TOKEN} it talks to {@code TAMTAM_API_URL} (default: TamTam), storing sessions in
 * Redis when {@code REDIS_URL} is set and in memory otherwise. Without a token it starts the local
 * emulator on {@code EMULATOR_PORT} (default 8080) with the in-memory store and prints the address
 * of its web chat ({@code EMULATOR_HOST=0.0.0.0} serves it to other machines, e.g. from a
 * container), with the admin endpoint on a free loopback port unless {@code TTSCENES_ADMIN_PORT}
 * says otherwise, linked from the web chat. Ctrl-C (SIGINT/SIGTERM) closes it gracefully.
 */
public final class FaqBotMain {
  private FaqBotMain() {}

  /** Starts the bot and blocks until the process is asked to stop; exits 2 on bad settings. */
  public static void main(String[] args) throws InterruptedException {
    Launch launch;
    try {
      launch = launch(System.getenv());
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("Cannot start the FAQ bot: " + e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      launch.close();
      stopped.countDown();
    }, "faq-bot-shutdown"));
    launch.emulator().ifPresent(emulator -> {
      System.out.println("FAQ bot is running against the local emulator.");
      System.out.println("  Web chat:  " + emulator.webChatUrl());
      System.out.println("  Bot API:   " + emulator.baseUrl() + " (token " + emulator.token() + ")");
      launch.runtime().adminUrl().ifPresent(admin -> System.out.println("  Graph:     " + admin + "/graph"
          + "\n  Funnels:   " + admin + "/funnels\n  Metrics:   " + admin + "/metrics"));
      System.out.println("Press Ctrl-C to stop.");
    });
    stopped.await();
  }

  /**
   * A started bot and, when it runs without a token, the emulator it runs against. Closing it
   * stops the bot gracefully, then the emulator.
   */
  record Launch(BotRuntime runtime, Optional<Emulator> emulator) implements AutoCloseable {
    @Override
    public void close() {
      runtime.close();
      emulator.ifPresent(Emulator::close);
    }
  }

  /**
   * Reads {@code environment}, starts the emulator when there is no token, then the bot. Throws
   * {@link RuntimeConfigException} listing every bad setting, or IllegalArgumentException when the
   * emulator cannot start.
   */
  static Launch launch(Map<String, String> environment) {
    Map<String, String> env = new HashMap<>(environment);
    boolean local = env.getOrDefault("TAMTAM_TOKEN", "").isBlank();
    Optional<Emulator> emulator = local ? Optional.of(startEmulator(env)) : Optional.empty();
    try {
      RuntimeConfig config = RuntimeConfig.from(env);
      BotRuntime runtime = BotRuntime.builder(FaqBot.create(), config).store(store(config), true)
          .admin(AdminSettings.from(env)).build();
      runtime.start();
      emulator.ifPresent(chat -> runtime.adminUrl().ifPresent(chat::linkAdmin));
      return new Launch(runtime, emulator);
    } catch (RuntimeException e) {
      emulator.ifPresent(Emulator::close);
      throw e;
    }
  }

  private static Emulator startEmulator(Map<String, String> env) {
    String port = env.getOrDefault("EMULATOR_PORT", "8080").strip();
    String host = env.getOrDefault("EMULATOR_HOST", "127.0.0.1").strip();
    Emulator emulator;
    try {
      emulator = Emulator.builder().port(Integer.parseInt(port)).host(InetAddress.getByName(host))
          .start();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("EMULATOR_PORT is '" + port + "'; it must be a number 0..65535");
    } catch (UnknownHostException | UncheckedIOException e) {
      String cause = e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
      throw new IllegalArgumentException("cannot start the local emulator on " + host + ":" + port
          + ": " + e.getMessage() + cause + "; set EMULATOR_PORT to a free port", e);
    }
    // Without a token the emulator is the whole world: its API, and the in-memory store.
    env.put("TAMTAM_API_URL", emulator.baseUrl());
    env.put("TAMTAM_TOKEN", emulator.token());
    env.remove("REDIS_URL");
    env.remove("WEBHOOK_URL");
    // The web chat links the bot's scene graph and funnels: serve them on a free loopback port.
    env.putIfAbsent("TTSCENES_ADMIN_PORT", "0");
    return emulator;
  }

  private static SessionStore store(RuntimeConfig config) {
    return config.redisUrl()
        .<SessionStore>map(url -> RedisSessionStore.create(RedisConfig.fromUrl(url.toString())))
        .orElseGet(InMemorySessionStore::create);
  }
}
