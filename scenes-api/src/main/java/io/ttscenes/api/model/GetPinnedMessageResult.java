package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The pinned message of a chat.
 *
 * @param message the pinned message; null when nothing is pinned
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GetPinnedMessageResult(
    Message message) {
}
