package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The user's input in constructor mode, discriminated by {@code input_type}. Types this version
 * does not know parse to {@link UnknownConstructorInput}.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "input_type",
    visible = true,
    defaultImpl = UnknownConstructorInput.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = CallbackConstructorInput.class, name = "callback"),
  @JsonSubTypes.Type(value = MessageConstructorInput.class, name = "message")
})
public sealed interface ConstructorInput
    permits CallbackConstructorInput, MessageConstructorInput, UnknownConstructorInput {
  /** The wire discriminator {@code input_type}; never null. */
  @JsonProperty("input_type")
  String inputType();
}
