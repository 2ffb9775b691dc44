package io.ttscenes.testkit.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.ttscenes.testkit.BotMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A message from the bot as the user sees it: the text after formatting was applied, the styled
 * spans, the inline keyboard. Given to {@code expectReply(reply -> ...)} and returned by
 * {@link TestUser#lastReply()}.
 *
 * @param message the message as the emulator stores it (Bot API {@code Message} JSON)
 */
public record Reply(BotMessage message) {
  public Reply {
    Objects.requireNonNull(message, "message");
  }

  /** The message id. */
  public String mid() {
    return message.mid();
  }

  /** The text the user sees: markdown or HTML markers are gone, escapes resolved. */
  public String text() {
    return message.text();
  }

  /** The inline keyboard as rows of button texts; empty without a keyboard. */
  public List<List<String>> keyboard() {
    return message.buttonTexts();
  }

  /** Every button text of the inline keyboard, row by row; empty without a keyboard. */
  public List<String> buttons() {
    List<String> all = new ArrayList<>();
    keyboard().forEach(all::addAll);
    return List.copyOf(all);
  }

  /**
   * The parts of the text styled as {@code type}, in order: the TamTam markup types
   * {@code strong}, {@code emphasized}, {@code monospaced}, {@code link}, {@code strikethrough},
   * {@code underline}. Empty when the message was sent without a format.
   */
  public List<String> styled(String type) {
    Objects.requireNonNull(type, "type");
    String text = text();
    List<String> spans = new ArrayList<>();
    for (JsonNode element : message.json().path("body").path("markup")) {
      if (type.equals(element.path("type").asText())) {
        int from = element.path("from").asInt();
        int end = Math.min(text.length(), from + element.path("length").asInt());
        spans.add(text.substring(Math.min(from, end), end));
      }
    }
    return List.copyOf(spans);
  }

  /** A short description for failure messages: the text and the keyboard. */
  @Override
  public String toString() {
    String buttons = keyboard().isEmpty() ? "" : " " + keyboard();
    return "\"" + text() + "\"" + buttons;
  }
}
