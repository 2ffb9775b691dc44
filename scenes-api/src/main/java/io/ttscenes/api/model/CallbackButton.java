package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A button that sends its payload back to the bot as a {@link MessageCallbackUpdate}.
 *
 * @param text the visible text
 * @param payload the payload sent back, up to 1024 chars
 * @param intent how clients draw it; may be null (server default: default)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallbackButton(
    String text,
    String payload,
    Intent intent) implements Button {
  /** Always {@code "callback"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "callback";
  }

  /** A callback button with the default intent. */
  public static CallbackButton of(String text, String payload) {
    return new CallbackButton(text, payload, null);
  }

  /** A callback button with the given intent. */
  public static CallbackButton of(String text, String payload, Intent intent) {
    return new CallbackButton(text, payload, intent);
  }
}
