package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the upload server returns for an uploaded video, audio or file.
 *
 * @param token the upload token; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UploadedInfo(
    String token) {
}
