package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Struck-through text.
 *
 * @param from start index in the text
 * @param length length of the range
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StrikethroughMarkup(
    int from,
    int length) implements MarkupElement {
  /** Always {@code "strikethrough"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "strikethrough";
  }
}
