package ${package};

import io.ttscenes.runtime.BotLauncher;

/**
 * Runs the bot. With {@code TAMTAM_TOKEN} it talks to TamTam; without one it starts the local
 * emulator and prints its web chat address ({@code EMULATOR_PORT}, default 8080).
 */
public final class Main {
  private Main() {}

  /** Starts the bot and blocks until Ctrl-C. */
  public static void main(String[] args) throws InterruptedException {
    BotLauncher.run(HelloBot.create());
  }
}
