package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A message was removed.
 *
 * @param timestamp when the event occurred, Unix milliseconds
 * @param messageId the removed message's id
 * @param eventChatId the chat where the event occurred (read it via {@link #chatId()})
 * @param removedBy the user who removed it (also {@link #userId()})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageRemovedUpdate(
    long timestamp,
    @JsonProperty("message_id") String messageId,
    @JsonProperty("chat_id") long eventChatId,
    @JsonProperty("user_id") long removedBy) implements Update {
  /** Always {@code "message_removed"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("update_type")
  public String updateType() {
    return "message_removed";
  }

  @Override
  public Optional<Long> chatId() {
    return Optional.of(eventChatId);
  }

  @Override
  public Optional<Long> userId() {
    return Optional.of(removedBy);
  }
}
