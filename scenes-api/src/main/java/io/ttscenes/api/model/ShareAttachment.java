package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A media preview of a URL.
 *
 * @param payload the shared URL or token
 * @param title preview title; may be null
 * @param description preview description; may be null
 * @param imageUrl preview image; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShareAttachment(
    ShareAttachmentPayload payload,
    String title,
    String description,
    @JsonProperty("image_url") String imageUrl) implements Attachment {
  /** Always {@code "share"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "share";
  }
}
