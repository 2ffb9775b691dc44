package io.ttscenes.example.faq;

import io.ttscenes.runtime.BotLauncher;

/**
 * Runs the FAQ bot with settings from the environment ({@code RuntimeConfig}): with
 * {@code TAMTAM_TOKEN} against {@code TAMTAM_API_URL} (default: TamTam), sessions in Redis when
 * {@code REDIS_URL} is set; without a token in dev mode, against the local emulator on
 * {@code EMULATOR_PORT} (default 8080) with its web chat. Ctrl-C closes it gracefully.
 */
public final class FaqBotMain {
  private FaqBotMain() {}

  /** Starts the bot and blocks until the process is asked to stop; exits 2 on bad settings. */
  public static void main(String[] args) throws InterruptedException {
    BotLauncher.run(FaqBot.create());
  }
}
