package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Monospaced text or a code block.
 *
 * @param from start index in the text
 * @param length length of the range
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MonospacedMarkup(
    int from,
    int length) implements MarkupElement {
  /** Always {@code "monospaced"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "monospaced";
  }
}
