package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the bot receives when a user presses a callback button.
 *
 * @param timestamp when the button was pressed
 * @param callbackId the id to answer with {@code POST /answers}
 * @param payload the button payload; may be null
 * @param user the user who pressed the button
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Callback(
    long timestamp,
    @JsonProperty("callback_id") String callbackId,
    String payload,
    User user) {
}
