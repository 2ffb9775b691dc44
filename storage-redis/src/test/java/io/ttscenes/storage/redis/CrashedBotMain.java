package io.ttscenes.storage.redis;

import com.sun.net.httpserver.HttpServer;
import io.ttscenes.api.Bot;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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
   * with its instance slot in {@code stateDir} and the settings {@code more}; it ends when this JVM
   * dies ({@link ChildJvm}), and its output goes to {@code target/<name>.log}.
   */
  static Process start(String name, HttpServer tamtam, String redisUrl, Path stateDir, int pollTimeoutSeconds,
      Map<String, String> more) throws IOException {
    Map<String, String> environment = new HashMap<>(Map.of(
        "TAMTAM_API_URL", "http://127.0.0.1:" + tamtam.getAddress().getPort(),
        "TAMTAM_TOKEN", "crash-token",
        "REDIS_URL", redisUrl,
        "TTSCENES_REDIS_UNSAFE_OK", "true",
        "TTSCENES_BOT_NAME", "crashed",
        "TTSCENES_STATE_DIR", stateDir.toString(),
        "TTSCENES_POLL_TIMEOUT_SECONDS", Integer.toString(pollTimeoutSeconds)));
    environment.putAll(more);
    return ChildJvm.start(CrashedBotMain.class, environment, name);
  }
}
