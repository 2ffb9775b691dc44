package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Where to upload a file ({@code POST /uploads}).
 *
 * @param url the upload URL
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UploadEndpoint(
    String url) {
}
