package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The sticker to attach.
 *
 * @param code the sticker code
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StickerAttachmentRequestPayload(
    String code) {
}
