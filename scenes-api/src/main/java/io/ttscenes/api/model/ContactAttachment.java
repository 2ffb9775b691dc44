package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A contact card, for example sent by a request-contact button.
 *
 * @param payload the contact
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactAttachment(
    ContactAttachmentPayload payload) implements Attachment {
  /** Always {@code "contact"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "contact";
  }
}
