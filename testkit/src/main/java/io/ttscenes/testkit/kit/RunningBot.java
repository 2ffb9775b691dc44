package io.ttscenes.testkit.kit;

import io.micrometer.core.instrument.MeterRegistry;
import io.ttscenes.api.Bot;
import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import io.ttscenes.runtime.admin.AdminSettings;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.warmup.WarmupSettings;
import io.ttscenes.testkit.Emulator;
import java.util.Map;

/**
 * One run of the bot the way a user starts it: a {@link BotRuntime} configured from environment
 * style settings, long polling the emulator, without the warm-up. Its timer poller sees no due timers
 * ({@link ManualTimers}): scene timeouts fire only when the test advances the clock.
 */
final class RunningBot implements AutoCloseable {
  private final BotRuntime runtime;

  private RunningBot(BotRuntime runtime) {
    this.runtime = runtime;
  }

  static RunningBot start(Bot bot, Emulator emulator, SessionStore store, BotApi api,
      TestClock clock) {
    RuntimeConfig config = RuntimeConfig.from(Map.of(
        "TAMTAM_API_URL", emulator.baseUrl(),
        "TAMTAM_TOKEN", emulator.token(),
        "TTSCENES_BOT_NAME", settingsName(bot),
        "TTSCENES_POLL_TIMEOUT_SECONDS", "10",
        "TTSCENES_SHUTDOWN_TIMEOUT_SECONDS", "10",
        "TTSCENES_TIMER_PERIOD_MS", "3600000"));
    BotRuntime runtime = BotRuntime.builder(bot, config).store(new ManualTimers(store), false)
        .api(api).clock(clock)
        // The kit never opens an admin port, whatever the environment says: tests run in parallel.
        .admin(AdminSettings.off())
        // Nor warms up: tests are not latency-sensitive, and a warm-up per start (up to a second on
        // a cold JVM) would add minutes to a suite that starts a tester per class.
        .warmup(WarmupSettings.disabled()).build();
    runtime.start();
    return new RunningBot(runtime);
  }

  /** The bot's name as the settings accept it: 1..64 letters, digits, '_', '.' or '-'. */
  private static String settingsName(Bot bot) {
    String name = bot.name().replaceAll("[^A-Za-z0-9_.-]", "_");
    return name.isEmpty() ? "bot" : name.substring(0, Math.min(64, name.length()));
  }

  MeterRegistry meters() {
    return runtime.meterRegistry();
  }

  Dispatcher dispatcher() {
    return runtime.dispatcher();
  }

  @Override
  public void close() {
    runtime.close();
  }
}
