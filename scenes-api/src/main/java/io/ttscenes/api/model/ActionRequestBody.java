package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Request body of {@code POST /chats/{chatId}/actions}.
 *
 * @param action the action to show
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionRequestBody(
    SenderAction action) {
}
