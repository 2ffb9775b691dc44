package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of a sticker attachment.
 *
 * @param url the sticker URL
 * @param code the sticker code
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StickerAttachmentPayload(
    String url,
    String code) {
}
