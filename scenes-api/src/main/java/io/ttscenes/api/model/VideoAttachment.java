package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A video attachment.
 *
 * @param payload the video URL and token
 * @param thumbnail the thumbnail; may be null
 * @param width video width; may be null
 * @param height video height; may be null
 * @param duration duration in seconds; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VideoAttachment(
    MediaAttachmentPayload payload,
    PhotoAttachmentPayload thumbnail,
    Integer width,
    Integer height,
    Integer duration) implements Attachment {
  /** Always {@code "video"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "video";
  }
}
