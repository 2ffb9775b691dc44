package io.ttscenes.runtime;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.admin.AdminSettings;
import io.ttscenes.runtime.warmup.WarmupSettings;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a bot from the environment in one line: {@code BotLauncher.run(bot)} in {@code main}. With
 * {@code TAMTAM_TOKEN} (or {@code TAMTAM_API_URL}) the bot runs as {@link RuntimeConfig} says; with
 * neither it is in dev mode: a {@link LocalBotApiProvider} on the classpath (the testkit's
 * emulator) is started, and the bot runs against it with the in-memory store and long polling,
 * its admin endpoint on a free loopback port (unless {@code TTSCENES_ADMIN_PORT} is set), linked
 * from the web chat.
 */
public final class BotLauncher {
  private BotLauncher() {}

  /**
   * Starts {@code bot} from the process environment, prints the web chat address in dev mode and
   * blocks until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes it gracefully. Bad
   * settings are printed and the process exits with status 2. For a program's {@code main}.
   */
  public static void run(Bot bot) throws InterruptedException {
    run(bot, launched -> { });
  }

  /**
   * As {@link #run(Bot)}, running {@code started} once the bot is up and before the dev-mode
   * banner, e.g. to prepare the local emulator with users and chats for a demo. An exception from
   * {@code started} closes the bot and exits with status 2.
   */
  public static void run(Bot bot, Consumer<Launched> started) throws InterruptedException {
    Objects.requireNonNull(started, "started");
    Launched launched;
    try {
      launched = start(bot, System.getenv());
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("Cannot start bot '" + bot.name() + "': " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      started.accept(launched);
    } catch (RuntimeException e) {
      launched.close();
      System.err.println("Cannot start bot '" + bot.name() + "': " + e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      launched.close();
      stopped.countDown();
    }, "ttscenes-shutdown"));
    launched.localApi().ifPresent(api -> System.out.println(banner(bot, api, launched.runtime().adminUrl())));
    stopped.await();
  }

  /**
   * Starts {@code bot} with {@code env} read as the environment and returns it running; dev mode
   * when neither {@code TAMTAM_TOKEN} nor {@code TAMTAM_API_URL} is set.
   *
   * @throws RuntimeConfigException listing every bad setting
   * @throws IllegalArgumentException when the local API cannot start (e.g. its port is in use)
   * @throws IllegalStateException in dev mode when no {@link LocalBotApiProvider} is on the classpath
   */
  public static Launched start(Bot bot, Map<String, String> env) {
    Objects.requireNonNull(bot, "bot");
    Map<String, String> settings = new HashMap<>(env);
    Optional<LocalBotApi> local = devMode(settings) ? Optional.of(startLocal(settings)) : Optional.empty();
    try {
      local.ifPresent(api -> pointAt(api, settings));
      BotRuntime runtime = BotRuntime.builder(bot, RuntimeConfig.from(settings))
          .admin(AdminSettings.from(settings)).warmup(WarmupSettings.from(settings)).build();
      runtime.start();
      local.ifPresent(api -> runtime.adminUrl().ifPresent(api::showAdmin));
      return new Launched(runtime, local);
    } catch (RuntimeException e) {
      local.ifPresent(LocalBotApi::close);
      throw e;
    }
  }

  /** Whether {@code env} asks for dev mode: neither a token nor an API address. */
  public static boolean devMode(Map<String, String> env) {
    return blank(env.get("TAMTAM_TOKEN")) && blank(env.get("TAMTAM_API_URL"));
  }

  private static LocalBotApi startLocal(Map<String, String> env) {
    Iterator<LocalBotApiProvider> providers = ServiceLoader.load(LocalBotApiProvider.class).iterator();
    if (!providers.hasNext()) {
      throw new IllegalStateException("TAMTAM_TOKEN is not set: set it to run against TamTam, or "
          + "put io.ttscenes:testkit on the classpath to run against the local emulator and its web chat");
    }
    return providers.next().start(Map.copyOf(env));
  }

  private static void pointAt(LocalBotApi api, Map<String, String> settings) {
    // In dev mode the local API is the whole world: its address, its token, the in-memory store.
    settings.put("TAMTAM_API_URL", api.baseUrl());
    settings.put("TAMTAM_TOKEN", api.token());
    settings.remove("REDIS_URL");
    settings.remove("WEBHOOK_URL");
    // The web chat links the bot's scene graph and funnels: served on a free loopback port.
    settings.putIfAbsent("TTSCENES_ADMIN_PORT", "0");
  }

  static String banner(Bot bot, LocalBotApi api, Optional<String> admin) {
    return "Bot '" + bot.name() + "' is running against the local emulator (no TAMTAM_TOKEN is set).\n"
        + "  Web chat:  " + api.webChatUrl() + "\n"
        + "  Bot API:   " + api.baseUrl() + " (token " + api.token() + ")\n"
        + admin.map(url -> "  Graph:     " + url + "/graph\n  Funnels:   " + url + "/funnels\n"
            + "  Metrics:   " + url + "/metrics\n").orElse("")
        + "Press Ctrl-C to stop.";
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /**
   * A started bot and, in dev mode, the local API it runs against. Closing it stops the bot
   * gracefully, then the local API.
   */
  public record Launched(BotRuntime runtime, Optional<LocalBotApi> localApi) implements AutoCloseable {
    /** Checks that both parts are present. */
    public Launched {
      Objects.requireNonNull(runtime, "runtime");
      Objects.requireNonNull(localApi, "localApi");
    }

    /** Stops the bot gracefully, then the local API. */
    @Override
    public void close() {
      runtime.close();
      localApi.ifPresent(LocalBotApi::close);
    }
  }
}
