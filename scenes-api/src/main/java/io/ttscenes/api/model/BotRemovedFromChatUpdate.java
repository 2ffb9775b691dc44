package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * The bot was removed from a chat.
 *
 * @param timestamp when the event occurred, Unix milliseconds
 * @param eventChatId the chat where the event occurred (read it via {@link #chatId()})
 * @param removedBy the user who removed the bot (also {@link #user()})
 * @param isChannel whether the chat is a channel
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BotRemovedFromChatUpdate(
    long timestamp,
    @JsonProperty("chat_id") long eventChatId,
    @JsonProperty("user") User removedBy,
    @JsonProperty("is_channel") boolean isChannel) implements Update {
  /** Always {@code "bot_removed"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("update_type")
  public String updateType() {
    return "bot_removed";
  }

  @Override
  public Optional<Long> chatId() {
    return Optional.of(eventChatId);
  }

  @Override
  public Optional<User> user() {
    return Optional.ofNullable(removedBy);
  }
}
