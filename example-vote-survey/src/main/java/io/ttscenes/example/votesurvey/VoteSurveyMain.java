package io.ttscenes.example.votesurvey;

import io.ttscenes.api.Bot;
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
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the README's group vote ({@code vote}, the default) or survey ({@code survey}), named by the
 * first argument, with settings from the environment ({@link RuntimeConfig}); the launch glue
 * follows the FAQ example's {@code FaqBotMain}. With
 * {@code TAMTAM_TOKEN} it talks to {@code TAMTAM_API_URL} (default: TamTam), storing sessions in
 * Redis when {@code REDIS_URL} is set and in memory otherwise. Without a token it starts the local
 * emulator on {@code EMULATOR_PORT} (default 8080) with the in-memory store and prints the address
 * of its web chat ({@code EMULATOR_HOST=0.0.0.0} serves it to other machines, e.g. from a
 * container). Ctrl-C (SIGINT/SIGTERM) closes it gracefully.
 */
public final class VoteSurveyMain {
  private VoteSurveyMain() {}

  /** Starts the bot and blocks until the process is asked to stop; exits 2 on bad settings. */
  public static void main(String[] args) throws InterruptedException {
    Launch launch;
    try {
      launch = launch(bot(args.length == 0 ? "vote" : args[0]), System.getenv());
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("Cannot start the bot: " + e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      launch.close();
      stopped.countDown();
    }, "vote-survey-shutdown"));
    launch.emulator().ifPresent(emulator -> {
      System.out.println("The bot is running against the local emulator; create a group in the web chat to vote.");
      System.out.println("  Web chat:  " + emulator.webChatUrl());
      System.out.println("  Bot API:   " + emulator.baseUrl() + " (token " + emulator.token() + ")");
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
  static Launch launch(Bot bot, Map<String, String> environment) {
    Map<String, String> env = new HashMap<>(environment);
    boolean local = env.getOrDefault("TAMTAM_TOKEN", "").isBlank();
    Optional<Emulator> emulator = local ? Optional.of(startEmulator(env)) : Optional.empty();
    try {
      RuntimeConfig config = RuntimeConfig.from(env);
      BotRuntime runtime = BotRuntime.builder(bot, config).store(store(config), true)
          .build();
      runtime.start();
      return new Launch(runtime, emulator);
    } catch (RuntimeException e) {
      emulator.ifPresent(Emulator::close);
      throw e;
    }
  }

  /** The bot named {@code name}: {@code vote} or {@code survey}; IllegalArgumentException otherwise. */
  static Bot bot(String name) {
    return switch (name) {
      case "vote" -> Vote.bot();
      case "survey" -> Survey.bot();
      default -> throw new IllegalArgumentException("no bot '" + name + "'; run it with 'vote' or 'survey'");
    };
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
    return emulator;
  }

  private static SessionStore store(RuntimeConfig config) {
    return config.redisUrl()
        .<SessionStore>map(url -> RedisSessionStore.create(RedisConfig.fromUrl(url.toString())))
        .orElseGet(InMemorySessionStore::create);
  }
}
