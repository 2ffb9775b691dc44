package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Attaches an uploaded file; must be the only attachment.
 *
 * @param payload the upload token
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FileAttachmentRequest(
    UploadedInfo payload) implements AttachmentRequest {
  /** Always {@code "file"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "file";
  }

  /** Attaches the upload with the given token. */
  public static FileAttachmentRequest token(String token) {
    return new FileAttachmentRequest(new UploadedInfo(token));
  }
}
