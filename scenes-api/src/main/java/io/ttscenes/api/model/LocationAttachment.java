package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A geo location, for example sent by a request-location button.
 *
 * @param latitude latitude in degrees
 * @param longitude longitude in degrees
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LocationAttachment(
    double latitude,
    double longitude) implements Attachment {
  /** Always {@code "location"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "location";
  }
}
