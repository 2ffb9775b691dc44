package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A user pressed a callback button.
 *
 * @param timestamp when the event occurred, Unix milliseconds
 * @param callback the press: callback id, payload and user
 * @param message the message holding the keyboard; null if already deleted
 * @param locale the user's locale; may be null (read it via {@link #userLocale()})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageCallbackUpdate(
    long timestamp,
    Callback callback,
    Message message,
    @JsonProperty("user_locale") String locale) implements Update {
  /** Always {@code "message_callback"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("update_type")
  public String updateType() {
    return "message_callback";
  }

  @Override
  public Optional<Long> chatId() {
    return message == null ? Optional.empty() : message.chatId();
  }

  @Override
  public Optional<ChatType> chatType() {
    return message == null ? Optional.empty() : message.chatType();
  }

  @Override
  public Optional<User> user() {
    return callback == null ? Optional.empty() : Optional.ofNullable(callback.user());
  }

  @Override
  public Optional<String> userLocale() {
    return Optional.ofNullable(locale);
  }

  /** The payload of the pressed button, if any. */
  public Optional<String> payload() {
    return callback == null ? Optional.empty() : Optional.ofNullable(callback.payload());
  }
}
