package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The user pressed a button the bot showed in constructor mode.
 *
 * @param payload the pressed button's payload
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallbackConstructorInput(
    String payload) implements ConstructorInput {
  /** Always {@code "callback"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("input_type")
  public String inputType() {
    return "callback";
  }
}
