package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A button that opens a URL.
 *
 * @param text the visible text
 * @param url the URL, up to 2048 chars
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LinkButton(
    String text,
    String url) implements Button {
  /** Always {@code "link"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "link";
  }

  /** A button opening {@code url}. */
  public static LinkButton of(String text, String url) {
    return new LinkButton(text, url);
  }
}
