package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Result of {@code POST /messages}.
 *
 * @param message the message as sent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SendMessageResult(
    Message message) {
}
