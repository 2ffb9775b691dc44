package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Attaches an uploaded audio; must be the only attachment.
 *
 * @param payload the upload token
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AudioAttachmentRequest(
    UploadedInfo payload) implements AttachmentRequest {
  /** Always {@code "audio"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "audio";
  }

  /** Attaches the upload with the given token. */
  public static AudioAttachmentRequest token(String token) {
    return new AudioAttachmentRequest(new UploadedInfo(token));
  }
}
