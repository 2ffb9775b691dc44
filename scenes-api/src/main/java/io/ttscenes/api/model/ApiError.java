package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The body the server returns when it rejects a request (schema {@code Error}).
 *
 * @param error the error; may be null
 * @param code the error code, e.g. {@code attachment.not.ready}
 * @param message a human-readable description
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiError(
    String error,
    String code,
    String message) {
}
