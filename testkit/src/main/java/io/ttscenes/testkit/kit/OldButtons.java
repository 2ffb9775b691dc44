package io.ttscenes.testkit.kit;

import io.ttscenes.testkit.BotMessage;
import java.util.List;
import java.util.Optional;

/**
 * Finds a callback button under an earlier bot message, for a scripted person scrolling back up to
 * press an old button; fails with an {@link AssertionError} listing the messages when none has it.
 */
final class OldButtons {
  private OldButtons() {}

  /** The payload of the button reading {@code buttonText} under the newest message reading {@code messageText}. */
  static String payload(List<BotMessage> messages, String messageText, String buttonText, String who) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      BotMessage message = messages.get(i);
      Optional<String> payload = message.buttons().stream()
          .filter(button -> button.path("text").asText().equals(buttonText)
              && button.path("type").asText().equals("callback"))
          .map(button -> button.path("payload").asText()).findFirst();
      if (messageText.equals(message.text()) && payload.isPresent()) {
        return payload.get();
      }
    }
    throw new AssertionError(who + " cannot press \"" + buttonText + "\" under \"" + messageText
        + "\": no message reads so with that button; there are "
        + messages.stream().map(m -> "\"" + m.text() + "\" " + m.buttonTexts()).toList());
  }
}
