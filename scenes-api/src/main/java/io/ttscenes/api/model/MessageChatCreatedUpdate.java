package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A chat was created by the first click on a chat button.
 *
 * @param timestamp when the event occurred, Unix milliseconds
 * @param chat the created chat
 * @param messageId the message whose button was clicked
 * @param startPayload the button's start payload; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageChatCreatedUpdate(
    long timestamp,
    Chat chat,
    @JsonProperty("message_id") String messageId,
    @JsonProperty("start_payload") String startPayload) implements Update {
  /** Always {@code "message_chat_created"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("update_type")
  public String updateType() {
    return "message_chat_created";
  }

  @Override
  public Optional<Long> chatId() {
    return chat == null ? Optional.empty() : Optional.of(chat.chatId());
  }
}
