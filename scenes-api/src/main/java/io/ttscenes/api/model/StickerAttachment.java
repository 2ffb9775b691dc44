package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A sticker.
 *
 * @param payload the sticker URL and code
 * @param width sticker width
 * @param height sticker height
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StickerAttachment(
    StickerAttachmentPayload payload,
    int width,
    int height) implements Attachment {
  /** Always {@code "sticker"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "sticker";
  }
}
