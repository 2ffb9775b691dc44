package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Request body of {@code PATCH /chats/{chatId}}: only non-null fields are changed.
 *
 * @param icon new icon; may be null
 * @param title new title; may be null
 * @param pin id of a message to pin; may be null
 * @param notifyMembers whether members are notified (server default true); may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatPatch(
    PhotoAttachmentRequestPayload icon,
    String title,
    String pin,
    @JsonProperty("notify") Boolean notifyMembers) {
}
