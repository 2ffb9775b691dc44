package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** The Bot API's documented limits, checked on every request body the bot sends. */
final class Limits {
  static final int TEXT = 4000;
  static final int BUTTON_TEXT = 128;
  static final int CALLBACK_PAYLOAD = 1024;
  static final int LINK = 2048;
  static final int CONSTRUCTOR_DATA = 8192;
  static final int KEYBOARD_ROWS = 30;
  static final int ROW_BUTTONS = 7;
  static final int COMMANDS = 32;
  private static final Set<String> BUTTON_TYPES =
      Set.of("callback", "link", "request_geo_location", "request_contact", "chat");
  private static final Set<String> INTENTS = Set.of("positive", "negative", "default");

  private Limits() {}

  /** Characters as the schema's maxLength counts them: code points, an emoji is one. */
  static int chars(String value) {
    return value.codePointCount(0, value.length());
  }

  static void maxLength(String field, String value, int limit) {
    if (value != null && chars(value) > limit) {
      throw ApiError.badRequest(field + " is " + chars(value) + " chars; the limit is " + limit);
    }
  }

  /** The string {@code field} of {@code node}; 400 when it is missing, null or not a string. */
  static String requiredText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw ApiError.badRequest(field + " is required (a string)");
    }
    if (!value.isTextual()) {
      throw ApiError.badRequest(field + " must be a string");
    }
    return value.asText();
  }

  static String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value != null && !value.isNull() && !value.isTextual()) {
      throw ApiError.badRequest(field + " must be a string");
    }
    return value == null || value.isNull() ? null : value.asText();
  }

  /** Validates a keyboard payload ({@code {"buttons": [[...]]}}). */
  static void keyboard(JsonNode payload) {
    JsonNode rows = payload.path("buttons");
    if (!rows.isArray() || rows.isEmpty()) {
      throw ApiError.badRequest("keyboard.buttons must be a non-empty array of rows");
    }
    if (rows.size() > KEYBOARD_ROWS) {
      throw ApiError.badRequest("keyboard has " + rows.size() + " rows; the limit is " + KEYBOARD_ROWS);
    }
    for (JsonNode row : rows) {
      if (!row.isArray() || row.isEmpty() || row.size() > ROW_BUTTONS) {
        throw ApiError.badRequest("a keyboard row must hold 1.." + ROW_BUTTONS + " buttons; got "
            + (row.isArray() ? row.size() : row.getNodeType().toString()));
      }
      row.forEach(Limits::button);
    }
  }

  private static void button(JsonNode button) {
    String type = button.path("type").asText();
    if (!BUTTON_TYPES.contains(type)) {
      throw ApiError.badRequest("Unknown button type: '" + type + "'");
    }
    String text = button.path("text").asText("");
    if (text.isEmpty() || chars(text) > BUTTON_TEXT) {
      throw ApiError.badRequest("button text is " + chars(text) + " chars; it must be 1.."
          + BUTTON_TEXT);
    }
    if (type.equals("callback")) {
      if (!button.path("payload").isTextual()) {
        throw ApiError.badRequest("callback button '" + text + "' has no payload");
      }
      maxLength("callback payload", button.path("payload").asText(), CALLBACK_PAYLOAD);
      if (button.has("intent") && !INTENTS.contains(button.path("intent").asText())) {
        throw ApiError.badRequest("Unknown button intent: " + button.path("intent").asText());
      }
    }
    if (type.equals("link")) {
      String url = button.path("url").asText("");
      if (url.isEmpty()) {
        throw ApiError.badRequest("link button '" + text + "' has no url");
      }
      maxLength("link url", url, LINK);
    }
  }

  /** Validates the ConstructorAnswer fields that carry limits. */
  static void constructorAnswer(JsonNode answer) {
    maxLength("constructor data", optionalText(answer, "data"), CONSTRUCTOR_DATA);
    maxLength("hint", optionalText(answer, "hint"), TEXT);
    JsonNode keyboard = answer.get("keyboard");
    if (keyboard != null && !keyboard.isNull()) {
      keyboard(keyboard);
    }
    for (JsonNode message : answer.path("messages")) {
      maxLength("text", optionalText(message, "text"), TEXT);
    }
  }
}
