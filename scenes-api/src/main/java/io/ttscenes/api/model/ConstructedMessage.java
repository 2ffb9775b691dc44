package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A message made with a bot constructor, as posted to a chat.
 *
 * @param sender the author; may be null for channel posts
 * @param timestamp creation time
 * @param link a forwarded or replied message; may be null
 * @param body text and attachments
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConstructedMessage(
    User sender,
    long timestamp,
    LinkedMessage link,
    MessageBody body) {
}
