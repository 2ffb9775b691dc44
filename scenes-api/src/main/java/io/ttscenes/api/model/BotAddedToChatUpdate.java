package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * The bot was added to a chat.
 *
 * @param timestamp when the event occurred, Unix milliseconds
 * @param eventChatId the chat where the event occurred (read it via {@link #chatId()})
 * @param addedBy the user who added the bot (also {@link #user()})
 * @param isChannel whether the chat is a channel
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BotAddedToChatUpdate(
    long timestamp,
    @JsonProperty("chat_id") long eventChatId,
    @JsonProperty("user") User addedBy,
    @JsonProperty("is_channel") boolean isChannel) implements Update {
  /** Always {@code "bot_added"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("update_type")
  public String updateType() {
    return "bot_added";
  }

  @Override
  public Optional<Long> chatId() {
    return Optional.of(eventChatId);
  }

  @Override
  public Optional<User> user() {
    return Optional.ofNullable(addedBy);
  }
}
