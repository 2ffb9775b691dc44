package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An inline keyboard under a message.
 *
 * @param payload the buttons
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InlineKeyboardAttachment(
    KeyboardPayload payload) implements Attachment {
  /** Always {@code "inline_keyboard"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "inline_keyboard";
  }
}
