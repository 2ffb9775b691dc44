package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A generic image reference.
 *
 * @param url the image URL
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Image(
    String url) {
}
