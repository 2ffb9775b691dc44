package io.ttscenes.storage.redis;

import com.sun.net.httpserver.HttpServer;
import io.ttscenes.api.Bot;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The bot the kill tests ({@link RestartAfterKillTest}, {@link HeldMarkerKillTest}) run as a
 * separate process and kill with SIGKILL: an echo bot on Redis with long polling, configured from
 * the environment like any deployed bot.
 */
public final class CrashedBotMain {
  private CrashedBotMain() {}

  /** Runs until killed. */
  public static void main(String[] args) throws InterruptedException {
    Bot bot = Bot.builder("crashed").root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();
    BotRuntime.create(bot, RuntimeConfig.fromEnvironment()).runUntilShutdown();
  }

  /**
   * Starts this bot as a process against the fake TamTam {@code tamtam} and {@code redisUrl},
   * with its instance slot in {@code stateDir}; its output goes to {@code target/<name>.log}.
   */
  static Process start(String name, HttpServer tamtam, String redisUrl, Path stateDir, int pollTimeoutSeconds)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        CrashedBotMain.class.getName());
    builder.environment().put("TAMTAM_API_URL", "http://127.0.0.1:" + tamtam.getAddress().getPort());
    builder.environment().put("TAMTAM_TOKEN", "crash-token");
    builder.environment().put("REDIS_URL", redisUrl);
    builder.environment().put("TTSCENES_REDIS_UNSAFE_OK", "true");
    builder.environment().put("TTSCENES_BOT_NAME", "crashed");
    builder.environment().put("TTSCENES_STATE_DIR", stateDir.toString());
    builder.environment().put("TTSCENES_POLL_TIMEOUT_SECONDS", Integer.toString(pollTimeoutSeconds));
    // Kept under target/ for a failed run's reader.
    Path log = Path.of("target", name + ".log");
    return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
