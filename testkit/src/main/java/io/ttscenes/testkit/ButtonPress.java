package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Which callback button a web chat {@code .../callback} call presses: by {@code payload} (under
 * message {@code mid}, or the newest message that has it) or by its {@code text} (under {@code mid},
 * or in the last keyboard), so a script needs no payload or message id dug out of the JSON.
 */
record ButtonPress(Optional<String> mid, Optional<String> payload, Optional<String> text) {

  /** Reads the body; 400 naming the fields when neither or both of payload and text are given. */
  static ButtonPress of(JsonNode body) {
    Optional<String> payload = Optional.ofNullable(Limits.optionalText(body, "payload"));
    Optional<String> text = Optional.ofNullable(Limits.optionalText(body, "text"));
    if (payload.isEmpty() == text.isEmpty()) {
      throw ApiError.badRequest((payload.isEmpty() ? "payload or text is required" : "give payload or text, not both")
          + ": the callback button's payload or its text, optionally with the mid of its message");
    }
    return new ButtonPress(Optional.ofNullable(Limits.optionalText(body, "mid")), payload, text);
  }

  /**
   * The payload of the pressed button and the message it is under, looked up in {@code chat}
   * ({@code where} names it in errors); IllegalArgumentException when there is no such button.
   */
  Target target(Conversation chat, String where) {
    if (payload.isPresent()) {
      String value = payload.get();
      ObjectNode message = mid.map(m -> chat.withCallback(m, value, where))
          .orElseGet(() -> chat.newestWithCallback(value).orElseThrow(() -> new IllegalArgumentException(
              "no callback button with payload '" + value + "' in " + where)));
      return new Target(Conversation.mid(message), value);
    }
    ObjectNode message = mid.map(m -> chat.find(m).orElseThrow(() ->
            new IllegalArgumentException("message " + m + " is not in " + where)))
        .orElseGet(() -> chat.lastKeyboard().orElseThrow(() ->
            new IllegalArgumentException("the bot has sent no keyboard to " + where)));
    JsonNode button = Conversation.buttons(message).stream()
        .filter(b -> b.path("type").asText().equals("callback") && b.path("text").asText().equals(text.get()))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no callback button '" + text.get()
            + "' under message " + Conversation.mid(message) + "; it has " + new BotMessage(message).buttonTexts()));
    return new Target(Conversation.mid(message), button.path("payload").asText());
  }

  /** A button found: the message it is under and its payload. */
  record Target(String mid, String payload) {}
}
