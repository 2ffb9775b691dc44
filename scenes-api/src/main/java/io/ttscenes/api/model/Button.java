package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A keyboard button, discriminated by {@code type}. Types this version does not know parse to
 * {@link UnknownButton}, which re-serializes unchanged.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = UnknownButton.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = CallbackButton.class, name = "callback"),
  @JsonSubTypes.Type(value = LinkButton.class, name = "link"),
  @JsonSubTypes.Type(value = RequestGeoLocationButton.class, name = "request_geo_location"),
  @JsonSubTypes.Type(value = RequestContactButton.class, name = "request_contact"),
  @JsonSubTypes.Type(value = ChatButton.class, name = "chat")
})
public sealed interface Button
    permits CallbackButton, LinkButton, RequestGeoLocationButton, RequestContactButton, ChatButton,
        UnknownButton {
  /** The wire discriminator {@code type}; never null. */
  @JsonProperty("type")
  String type();

  /** The visible text of the button. */
  @JsonProperty("text")
  String text();
}
