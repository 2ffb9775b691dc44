package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The bot's answer to a button press: a new message content, a notification, or both.
 *
 * @param message the new content of the message with the button; may be null
 * @param notification a one-time notification shown to the user; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallbackAnswer(
    NewMessageBody message,
    String notification) {
  /** An answer that only shows {@code text} to the user. */
  public static CallbackAnswer notification(String text) {
    return new CallbackAnswer(null, text);
  }

  /** An answer that replaces the message holding the pressed button. */
  public static CallbackAnswer editMessage(NewMessageBody message) {
    return new CallbackAnswer(message, null);
  }
}
