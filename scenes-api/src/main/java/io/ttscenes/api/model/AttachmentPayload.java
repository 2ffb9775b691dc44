package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The common part of media payloads: the URL.
 *
 * @param url the media URL
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AttachmentPayload(
    String url) {
}
