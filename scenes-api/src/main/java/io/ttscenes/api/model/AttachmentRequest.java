package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * An attachment of a message to send, discriminated by {@code type}. Types this version does
 * not know parse to {@link UnknownAttachmentRequest}, which re-serializes unchanged.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = UnknownAttachmentRequest.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = PhotoAttachmentRequest.class, name = "image"),
  @JsonSubTypes.Type(value = VideoAttachmentRequest.class, name = "video"),
  @JsonSubTypes.Type(value = AudioAttachmentRequest.class, name = "audio"),
  @JsonSubTypes.Type(value = FileAttachmentRequest.class, name = "file"),
  @JsonSubTypes.Type(value = StickerAttachmentRequest.class, name = "sticker"),
  @JsonSubTypes.Type(value = ContactAttachmentRequest.class, name = "contact"),
  @JsonSubTypes.Type(value = InlineKeyboardAttachmentRequest.class, name = "inline_keyboard"),
  @JsonSubTypes.Type(value = LocationAttachmentRequest.class, name = "location"),
  @JsonSubTypes.Type(value = ShareAttachmentRequest.class, name = "share")
})
public sealed interface AttachmentRequest
    permits PhotoAttachmentRequest, VideoAttachmentRequest, AudioAttachmentRequest,
        FileAttachmentRequest, StickerAttachmentRequest, ContactAttachmentRequest,
        InlineKeyboardAttachmentRequest, LocationAttachmentRequest, ShareAttachmentRequest,
        UnknownAttachmentRequest {
  /** The wire discriminator {@code type}; never null. */
  @JsonProperty("type")
  String type();

  /**
   * The request that sends {@code received} (an attachment of a message the bot got) again in
   * another message: a photo, video, audio or file by its token, a sticker by its code, a location
   * by its coordinates, a contact by its name (the TamTam user's, else the card's) with its user id
   * and VCF card, a share by its URL or token. Empty for keyboards, unknown types, a media payload
   * without a token, a contact without a name and a share without a URL or token. A contact and a
   * sticker must be the only attachment of the message they are sent in.
   */
  static Optional<AttachmentRequest> resend(Attachment received) {
    return AttachmentResends.of(Objects.requireNonNull(received, "received"));
  }
}
