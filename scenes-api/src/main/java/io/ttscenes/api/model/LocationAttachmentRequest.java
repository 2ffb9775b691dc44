package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Attaches a geo location.
 *
 * @param latitude latitude in degrees
 * @param longitude longitude in degrees
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LocationAttachmentRequest(
    double latitude,
    double longitude) implements AttachmentRequest {
  /** Always {@code "location"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "location";
  }
}
