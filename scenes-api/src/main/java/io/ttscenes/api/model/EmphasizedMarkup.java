package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Italic text.
 *
 * @param from start index in the text
 * @param length length of the range
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmphasizedMarkup(
    int from,
    int length) implements MarkupElement {
  /** Always {@code "emphasized"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "emphasized";
  }
}
