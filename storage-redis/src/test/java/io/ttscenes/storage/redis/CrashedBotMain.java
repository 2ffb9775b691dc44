package io.ttscenes.storage.redis;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;

/**
 * The bot {@link RestartAfterKillTest} runs as a separate process (and kills with SIGKILL): an echo
 * bot on Redis with long polling, configured from the environment like any deployed bot.
 */
public final class CrashedBotMain {
  private CrashedBotMain() {}

  /** Runs until killed. */
  public static void main(String[] args) throws InterruptedException {
    Bot bot = Bot.builder("crashed").root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();
    BotRuntime.create(bot, RuntimeConfig.fromEnvironment()).runUntilShutdown();
  }
}
