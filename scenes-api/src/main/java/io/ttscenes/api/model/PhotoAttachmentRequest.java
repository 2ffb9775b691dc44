package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Attaches an image by URL, token or uploaded tokens.
 *
 * @param payload which image
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhotoAttachmentRequest(
    PhotoAttachmentRequestPayload payload) implements AttachmentRequest {
  /** Always {@code "image"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "image";
  }

  /** An image from an external URL. */
  public static PhotoAttachmentRequest url(String url) {
    return new PhotoAttachmentRequest(new PhotoAttachmentRequestPayload(url, null, null));
  }

  /** An image by the token of an existing attachment. */
  public static PhotoAttachmentRequest token(String token) {
    return new PhotoAttachmentRequest(new PhotoAttachmentRequestPayload(null, token, null));
  }
}
