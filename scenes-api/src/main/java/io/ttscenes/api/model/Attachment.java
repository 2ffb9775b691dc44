package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An attachment of a received message, discriminated by {@code type}. Types this version
 * does not know parse to {@link UnknownAttachment}.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = UnknownAttachment.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = PhotoAttachment.class, name = "image"),
  @JsonSubTypes.Type(value = VideoAttachment.class, name = "video"),
  @JsonSubTypes.Type(value = AudioAttachment.class, name = "audio"),
  @JsonSubTypes.Type(value = FileAttachment.class, name = "file"),
  @JsonSubTypes.Type(value = StickerAttachment.class, name = "sticker"),
  @JsonSubTypes.Type(value = ContactAttachment.class, name = "contact"),
  @JsonSubTypes.Type(value = InlineKeyboardAttachment.class, name = "inline_keyboard"),
  @JsonSubTypes.Type(value = ShareAttachment.class, name = "share"),
  @JsonSubTypes.Type(value = LocationAttachment.class, name = "location")
})
public sealed interface Attachment
    permits PhotoAttachment, VideoAttachment, AudioAttachment, FileAttachment, StickerAttachment,
        ContactAttachment, InlineKeyboardAttachment, ShareAttachment, LocationAttachment,
        UnknownAttachment {
  /** The wire discriminator {@code type}; never null. */
  @JsonProperty("type")
  String type();
}
