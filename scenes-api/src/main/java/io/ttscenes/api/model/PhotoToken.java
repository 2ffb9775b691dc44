package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The token of one uploaded image.
 *
 * @param token the encoded image
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhotoToken(
    String token) {
}
