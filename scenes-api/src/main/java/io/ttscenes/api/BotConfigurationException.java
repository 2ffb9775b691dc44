package io.ttscenes.api;

import java.util.List;

/**
 * A bot is wired wrongly; thrown once by {@link Bot.Builder#build()} listing every problem found,
 * so all of them can be fixed in one go.
 */
public final class BotConfigurationException extends RuntimeException {
  private final List<String> problems;

  /** Creates the exception for a non-empty list of problems. */
  public BotConfigurationException(String botName, List<String> problems) {
    super(message(botName, problems));
    this.problems = List.copyOf(problems);
  }

  /** Returns every problem found, in the order they were detected. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String botName, List<String> problems) {
    StringBuilder text = new StringBuilder("bot '").append(botName).append("' has ")
        .append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
    for (int i = 0; i < problems.size(); i++) {
      text.append("\n  ").append(i + 1).append(") ").append(problems.get(i));
    }
    return text.toString();
  }
}
