package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Attaches a contact card; must be the only attachment.
 *
 * @param payload the contact
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactAttachmentRequest(
    ContactAttachmentRequestPayload payload) implements AttachmentRequest {
  /** Always {@code "contact"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "contact";
  }
}
