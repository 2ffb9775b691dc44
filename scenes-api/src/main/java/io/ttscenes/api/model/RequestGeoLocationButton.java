package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A button that makes the client send the user's location.
 *
 * @param text the visible text
 * @param quick true to send without asking for confirmation; may be null (false)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestGeoLocationButton(
    String text,
    Boolean quick) implements Button {
  /** Always {@code "request_geo_location"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "request_geo_location";
  }

  /** A request-location button that asks the user for confirmation. */
  public static RequestGeoLocationButton of(String text) {
    return new RequestGeoLocationButton(text, null);
  }
}
