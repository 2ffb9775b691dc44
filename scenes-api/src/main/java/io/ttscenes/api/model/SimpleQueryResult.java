package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The result of a call that returns only success or failure.
 *
 * @param success whether the call succeeded
 * @param message why it failed; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SimpleQueryResult(
    boolean success,
    String message) {
}
