package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a message was sent: a chat, and for dialogs also the user.
 *
 * @param chatId the chat identifier; may be null
 * @param chatType the chat type
 * @param userId the user, when sent to a user; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Recipient(
    @JsonProperty("chat_id") Long chatId,
    @JsonProperty("chat_type") ChatType chatType,
    @JsonProperty("user_id") Long userId) {
}
