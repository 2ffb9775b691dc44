package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of a share attachment or share request.
 *
 * @param url the shared URL; may be null
 * @param token the attachment token; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShareAttachmentPayload(
    String url,
    String token) {
}
