package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Attaches an inline keyboard to the message.
 *
 * @param payload the rows of buttons
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InlineKeyboardAttachmentRequest(
    InlineKeyboardAttachmentRequestPayload payload) implements AttachmentRequest {
  /** Always {@code "inline_keyboard"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "inline_keyboard";
  }

  /** A keyboard with the given rows of buttons. */
  public static InlineKeyboardAttachmentRequest of(List<List<Button>> buttons) {
    return new InlineKeyboardAttachmentRequest(new InlineKeyboardAttachmentRequestPayload(buttons));
  }
}
