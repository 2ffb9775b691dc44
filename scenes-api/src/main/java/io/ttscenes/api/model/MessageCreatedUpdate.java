package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A new message in a chat (or dialog) with the bot.
 *
 * @param timestamp when the event occurred, Unix milliseconds
 * @param message the new message
 * @param locale the user's locale; may be null (read it via {@link #userLocale()})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageCreatedUpdate(
    long timestamp,
    Message message,
    @JsonProperty("user_locale") String locale) implements Update {
  /** Always {@code "message_created"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("update_type")
  public String updateType() {
    return "message_created";
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
    return message == null ? Optional.empty() : Optional.ofNullable(message.sender());
  }

  @Override
  public Optional<String> userLocale() {
    return Optional.ofNullable(locale);
  }
}
