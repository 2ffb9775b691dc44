package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An image attachment.
 *
 * @param payload the image
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhotoAttachment(
    PhotoAttachmentPayload payload) implements Attachment {
  /** Always {@code "image"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "image";
  }
}
