package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The image of a photo attachment, or a video thumbnail.
 *
 * @param photoId the image id
 * @param token token to reuse the image
 * @param url the image URL
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhotoAttachmentPayload(
    @JsonProperty("photo_id") long photoId,
    String token,
    String url) {
}
