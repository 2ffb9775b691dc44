package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of a video or audio attachment.
 *
 * @param url the media URL
 * @param token token to reuse the media
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MediaAttachmentPayload(
    String url,
    String token) {
}
