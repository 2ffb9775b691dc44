package io.ttscenes.example.faq;

import io.ttscenes.api.Bot;
import io.ttscenes.example.faq.catalog.FaqFileException;
import io.ttscenes.runtime.BotLauncher;
import java.io.UncheckedIOException;

/**
 * Runs the FAQ bot with settings from the environment ({@code RuntimeConfig}): with
 * {@code TAMTAM_TOKEN} against {@code TAMTAM_API_URL} (default: TamTam), sessions in Redis when
 * {@code REDIS_URL} is set; without a token in dev mode, against the local emulator on
 * {@code EMULATOR_PORT} (default 8080) with its web chat. The FAQ comes from {@code FAQ_FILE}
 * (default: the sample shop's). Ctrl-C closes it gracefully.
 */
public final class FaqBotMain {
  private FaqBotMain() {}

  /**
   * Starts the bot and blocks until the process is asked to stop; exits 2 on bad settings or an
   * FAQ file that cannot be used, printing what is wrong and where.
   */
  public static void main(String[] args) throws InterruptedException {
    Bot bot;
    try {
      bot = FaqBot.create();
    } catch (FaqFileException | UncheckedIOException e) {
      System.err.println("The FAQ cannot be loaded: " + e.getMessage());
      System.exit(2);
      return;
    }
    BotLauncher.run(bot);
  }
}
