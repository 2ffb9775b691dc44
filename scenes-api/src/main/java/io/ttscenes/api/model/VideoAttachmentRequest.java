package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Attaches an uploaded video.
 *
 * @param payload the upload token
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VideoAttachmentRequest(
    UploadedInfo payload) implements AttachmentRequest {
  /** Always {@code "video"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "video";
  }

  /** Attaches the upload with the given token. */
  public static VideoAttachmentRequest token(String token) {
    return new VideoAttachmentRequest(new UploadedInfo(token));
  }
}
