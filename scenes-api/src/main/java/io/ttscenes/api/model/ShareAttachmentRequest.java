package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Attaches a media preview of a URL.
 *
 * @param payload the URL or token
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShareAttachmentRequest(
    ShareAttachmentPayload payload) implements AttachmentRequest {
  /** Always {@code "share"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "share";
  }

  /** A preview of {@code url}. */
  public static ShareAttachmentRequest url(String url) {
    return new ShareAttachmentRequest(new ShareAttachmentPayload(url, null));
  }
}
