package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A user was removed from (or left) a chat where the bot is admin.
 *
 * @param timestamp when the event occurred, Unix milliseconds
 * @param eventChatId the chat where the event occurred (read it via {@link #chatId()})
 * @param removedUser the user who was removed (also {@link #user()})
 * @param adminId the admin who removed the user; null when the user left
 * @param isChannel whether the chat is a channel
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserRemovedFromChatUpdate(
    long timestamp,
    @JsonProperty("chat_id") long eventChatId,
    @JsonProperty("user") User removedUser,
    @JsonProperty("admin_id") Long adminId,
    @JsonProperty("is_channel") boolean isChannel) implements Update {
  /** Always {@code "user_removed"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("update_type")
  public String updateType() {
    return "user_removed";
  }

  @Override
  public Optional<Long> chatId() {
    return Optional.of(eventChatId);
  }

  @Override
  public Optional<User> user() {
    return Optional.ofNullable(removedUser);
  }
}
