package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Request body of {@code PUT /chats/{chatId}/pin}.
 *
 * @param messageId the message to pin
 * @param notifyMembers whether members are notified (server default true); may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PinMessageBody(
    @JsonProperty("message_id") String messageId,
    @JsonProperty("notify") Boolean notifyMembers) {
}
