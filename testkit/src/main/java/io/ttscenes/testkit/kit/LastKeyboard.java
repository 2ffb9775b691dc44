package io.ttscenes.testkit.kit;

import io.ttscenes.testkit.BotMessage;
import java.util.List;

/**
 * Checks, before a scripted user presses a button, that the last keyboard the bot showed in a chat
 * has it; fails with an {@link AssertionError} listing the buttons there are.
 */
final class LastKeyboard {
  private LastKeyboard() {}

  /**
   * Passes when the newest message in {@code messages} with a keyboard has a button reading
   * {@code buttonText}; else fails with {@code failure} followed by {@code noKeyboard} (when the bot
   * showed none) or the buttons of that keyboard.
   */
  static void requireButton(List<BotMessage> messages, String buttonText, String failure,
      String noKeyboard) {
    List<BotMessage> withKeyboard = messages.stream()
        .filter(message -> !message.buttonTexts().isEmpty()).toList();
    if (withKeyboard.isEmpty()) {
      throw new AssertionError(failure + ": " + noKeyboard);
    }
    BotMessage last = withKeyboard.get(withKeyboard.size() - 1);
    if (last.buttonTexts().stream().noneMatch(row -> row.contains(buttonText))) {
      throw new AssertionError(failure + ": the last keyboard (under \"" + last.text()
          + "\") has the buttons " + last.buttonTexts());
    }
  }
}
