package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A message as the emulator stores it, in the Bot API's {@code Message} JSON shape, with the
 * accessors a test needs to assert what the user sees.
 *
 * @param json the full Message JSON (sender, recipient, timestamp, body)
 */
public record BotMessage(JsonNode json) {

  /** Validates that the JSON has a body with a {@code mid}. */
  public BotMessage {
    Objects.requireNonNull(json, "json");
    if (!json.path("body").has("mid")) {
      throw new IllegalArgumentException("message JSON has no body.mid: " + json);
    }
  }

  /** The message id. */
  public String mid() {
    return json.path("body").path("mid").asText();
  }

  /** The plain text after formatting was applied; empty when the message has no text. */
  public String text() {
    JsonNode text = json.path("body").path("text");
    return text.isTextual() ? text.asText() : "";
  }

  /** The attachments array (possibly empty), in the wire shape. */
  public List<JsonNode> attachments() {
    List<JsonNode> result = new ArrayList<>();
    json.path("body").path("attachments").forEach(result::add);
    return List.copyOf(result);
  }

  /** The inline keyboard's button rows as their texts; empty when there is no keyboard. */
  public List<List<String>> buttonTexts() {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode row : keyboardRows()) {
      List<String> texts = new ArrayList<>();
      row.forEach(button -> texts.add(button.path("text").asText()));
      rows.add(List.copyOf(texts));
    }
    return List.copyOf(rows);
  }

  /** Every button of the inline keyboard as Button JSON, row by row; empty when there is none. */
  public List<JsonNode> buttons() {
    List<JsonNode> all = new ArrayList<>();
    keyboardRows().forEach(row -> row.forEach(all::add));
    return List.copyOf(all);
  }

  /** The inline keyboard's rows of Button JSON; empty when there is no keyboard. */
  public List<JsonNode> keyboardRows() {
    for (JsonNode attachment : attachments()) {
      if ("inline_keyboard".equals(attachment.path("type").asText())) {
        List<JsonNode> rows = new ArrayList<>();
        attachment.path("payload").path("buttons").forEach(rows::add);
        return List.copyOf(rows);
      }
    }
    return List.of();
  }
}
