package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A forwarded or replied message inside a received message.
 *
 * @param type forward or reply
 * @param sender the original author; may be null
 * @param chatId the original chat, forwards only; may be null
 * @param message the original body
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LinkedMessage(
    MessageLinkType type,
    User sender,
    @JsonProperty("chat_id") Long chatId,
    MessageBody message) {
}
