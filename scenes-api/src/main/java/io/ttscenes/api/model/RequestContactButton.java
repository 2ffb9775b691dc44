package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A button that makes the client send the user's contact.
 *
 * @param text the visible text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestContactButton(
    String text) implements Button {
  /** Always {@code "request_contact"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "request_contact";
  }

  /** A request-contact button. */
  public static RequestContactButton of(String text) {
    return new RequestContactButton(text);
  }
}
