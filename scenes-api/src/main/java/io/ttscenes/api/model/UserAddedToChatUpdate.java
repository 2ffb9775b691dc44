package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A user was added to a chat where the bot is admin.
 *
 * @param timestamp when the event occurred, Unix milliseconds
 * @param eventChatId the chat where the event occurred (read it via {@link #chatId()})
 * @param addedUser the user who was added (also {@link #user()})
 * @param inviterId who added the user; null when they joined by link
 * @param isChannel whether the chat is a channel
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserAddedToChatUpdate(
    long timestamp,
    @JsonProperty("chat_id") long eventChatId,
    @JsonProperty("user") User addedUser,
    @JsonProperty("inviter_id") Long inviterId,
    @JsonProperty("is_channel") boolean isChannel) implements Update {
  /** Always {@code "user_added"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("update_type")
  public String updateType() {
    return "user_added";
  }

  @Override
  public Optional<Long> chatId() {
    return Optional.of(eventChatId);
  }

  @Override
  public Optional<User> user() {
    return Optional.ofNullable(addedUser);
  }
}
