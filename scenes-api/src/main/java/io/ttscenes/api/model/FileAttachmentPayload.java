package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of a file attachment.
 *
 * @param url the file URL
 * @param token token to reuse the file
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FileAttachmentPayload(
    String url,
    String token) {
}
