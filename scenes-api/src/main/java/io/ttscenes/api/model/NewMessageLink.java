package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A link from a new message to an existing one: a reply or a forward.
 *
 * @param type forward or reply
 * @param mid the id of the original message
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NewMessageLink(
    MessageLinkType type,
    String mid) {
}
