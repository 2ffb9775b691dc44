package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The user typed or attached something in constructor mode.
 *
 * @param messages the user's messages; empty when the constructor just opened
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageConstructorInput(
    List<ConstructedMessageBody> messages) implements ConstructorInput {
  /** Copies collections so the record stays immutable; a missing list becomes empty. */
  public MessageConstructorInput {
    messages = Lists.copy(messages);
  }

  /** Always {@code "message"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("input_type")
  public String inputType() {
    return "message";
  }
}
