package io.ttscenes.example.votesurvey;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.BotLauncher;

/**
 * Runs the README's group vote ({@code vote}, the default) or survey ({@code survey}), named by the
 * first argument, with settings from the environment ({@code RuntimeConfig}): with
 * {@code TAMTAM_TOKEN} against TamTam, without one in dev mode against the local emulator on
 * {@code EMULATOR_PORT} (default 8080) with its web chat, where a group can vote. Ctrl-C closes it.
 */
public final class VoteSurveyMain {
  private VoteSurveyMain() {}

  /** Starts the bot named by {@code args[0]} and blocks until the process is asked to stop. */
  public static void main(String[] args) throws InterruptedException {
    Bot bot;
    try {
      bot = bot(args.length == 0 ? "vote" : args[0]);
    } catch (IllegalArgumentException e) {
      System.err.println("Cannot start the bot: " + e.getMessage());
      System.exit(2);
      return;
    }
    BotLauncher.run(bot);
  }

  /** The bot named {@code name}: {@code vote} or {@code survey}; IllegalArgumentException otherwise. */
  static Bot bot(String name) {
    return switch (name) {
      case "vote" -> Vote.bot();
      case "survey" -> Survey.bot();
      default -> throw new IllegalArgumentException("no bot '" + name + "'; run it with 'vote' or 'survey'");
    };
  }
}
