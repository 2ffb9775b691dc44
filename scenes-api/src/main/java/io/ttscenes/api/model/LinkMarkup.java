package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A link in the text.
 *
 * @param from start index in the text
 * @param length length of the range
 * @param url the link URL
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LinkMarkup(
    int from,
    int length,
    String url) implements MarkupElement {
  /** Always {@code "link"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "link";
  }
}
