package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Attaches a sticker; must be the only attachment.
 *
 * @param payload the sticker code
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StickerAttachmentRequest(
    StickerAttachmentRequestPayload payload) implements AttachmentRequest {
  /** Always {@code "sticker"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "sticker";
  }

  /** The sticker with the given code. */
  public static StickerAttachmentRequest code(String code) {
    return new StickerAttachmentRequest(new StickerAttachmentRequestPayload(code));
  }
}
