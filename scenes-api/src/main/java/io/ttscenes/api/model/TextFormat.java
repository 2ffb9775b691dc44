package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the text of a new message is formatted.
 *
 * <p>{@link #UNKNOWN} stands for any value this version does not know; it is what a newer
 * server value parses to (with the mapper from {@code WireJson}) and must not be sent.
 */
public enum TextFormat {
  @JsonProperty("markdown")
  MARKDOWN,
  @JsonProperty("html")
  HTML,
  /** A value the server sent that this version of the model does not know. */
  @JsonEnumDefaultValue
  @JsonProperty("unknown")
  UNKNOWN
}
