package io.ttscenes.testkit.kit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The bot's answer to a constructor request as the user sees it: the prepared messages, the
 * keyboard, the hint over it, the placeholder in the input field and whether typing is allowed.
 * Given to {@code expectConstructorAnswer(answer -> ...)}.
 *
 * @param sessionId the constructor session the answer belongs to
 * @param json the ConstructorAnswer JSON as the bot sent it
 */
public record ConstructorReply(String sessionId, JsonNode json) {
  /** Keeps a copy of the JSON, so the record stays immutable; nothing may be null. */
  public ConstructorReply {
    Objects.requireNonNull(sessionId, "sessionId");
    json = Objects.requireNonNull(json, "json").deepCopy();
  }

  /** The texts of the prepared messages, in order (a message without text gives {@code ""}). */
  public List<String> messages() {
    List<String> texts = new ArrayList<>();
    json.path("messages").forEach(message -> texts.add(message.path("text").asText("")));
    return List.copyOf(texts);
  }

  /** The keyboard as rows of button texts; empty without a keyboard. */
  public List<List<String>> keyboard() {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode row : json.path("keyboard").path("buttons")) {
      List<String> texts = new ArrayList<>();
      row.forEach(button -> texts.add(button.path("text").asText()));
      rows.add(List.copyOf(texts));
    }
    return List.copyOf(rows);
  }

  /** Every button text of the keyboard, row by row; empty without a keyboard. */
  public List<String> buttons() {
    List<String> all = new ArrayList<>();
    keyboard().forEach(all::addAll);
    return List.copyOf(all);
  }

  /** The payload of the callback button labelled {@code text}, when the keyboard has one. */
  public Optional<String> payloadOf(String text) {
    for (JsonNode row : json.path("keyboard").path("buttons")) {
      for (JsonNode button : row) {
        if (button.path("text").asText().equals(text) && button.path("type").asText().equals("callback")) {
          return Optional.of(button.path("payload").asText());
        }
      }
    }
    return Optional.empty();
  }

  /** The hint shown over the keyboard; empty when the answer has none. */
  public Optional<String> hint() {
    return text("hint");
  }

  /** The text shown in the empty input field; empty when the answer has none. */
  public Optional<String> placeholder() {
    return text("placeholder");
  }

  /** The state the bot stored for its next request; empty when the answer has none. */
  public Optional<String> data() {
    return text("data");
  }

  /** Whether the user may type: only when the answer sets {@code allow_user_input} to true. */
  public boolean allowsUserInput() {
    return json.path("allow_user_input").asBoolean(false);
  }

  private Optional<String> text(String field) {
    JsonNode value = json.path(field);
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  /** A short description for failure messages: messages, keyboard, hint and input mode. */
  @Override
  public String toString() {
    return "constructor answer " + messages() + (keyboard().isEmpty() ? "" : " " + keyboard())
        + hint().map(h -> " hint \"" + h + "\"").orElse("")
        + (allowsUserInput() ? " (typing allowed)" : " (keyboard only)");
  }
}
