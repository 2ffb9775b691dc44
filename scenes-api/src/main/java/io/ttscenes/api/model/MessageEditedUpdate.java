package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A message was edited.
 *
 * @param timestamp when the event occurred, Unix milliseconds
 * @param message the message after editing
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageEditedUpdate(
    long timestamp,
    Message message) implements Update {
  /** Always {@code "message_edited"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("update_type")
  public String updateType() {
    return "message_edited";
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
}
