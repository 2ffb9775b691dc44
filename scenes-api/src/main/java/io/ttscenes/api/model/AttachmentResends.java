package io.ttscenes.api.model;

import java.util.Optional;

/**
 * What {@link AttachmentRequest#resend} sends again for each received attachment: media and files
 * by their token (TamTam's way to reuse an attachment in another message), a sticker by its code,
 * a location by its coordinates. Keyboards, shares, contacts and unknown types have no request
 * made of what a message carries.
 */
final class AttachmentResends {
  private AttachmentResends() {}

  static Optional<AttachmentRequest> of(Attachment received) {
    if (received instanceof PhotoAttachment photo && photo.payload() != null) {
      return photo(photo.payload());
    } else if (received instanceof VideoAttachment video && video.payload() != null) {
      return token(video.payload().token()).<AttachmentRequest>map(VideoAttachmentRequest::token);
    } else if (received instanceof AudioAttachment audio && audio.payload() != null) {
      return token(audio.payload().token()).<AttachmentRequest>map(AudioAttachmentRequest::token);
    } else if (received instanceof FileAttachment file && file.payload() != null) {
      return token(file.payload().token()).<AttachmentRequest>map(FileAttachmentRequest::token);
    } else if (received instanceof StickerAttachment sticker && sticker.payload() != null) {
      return token(sticker.payload().code()).<AttachmentRequest>map(StickerAttachmentRequest::code);
    } else if (received instanceof LocationAttachment location) {
      return Optional.of(new LocationAttachmentRequest(location.latitude(), location.longitude()));
    }
    return Optional.empty();
  }

  /** A photo by its token, else by its URL (an image the server fetches again). */
  private static Optional<AttachmentRequest> photo(PhotoAttachmentPayload payload) {
    return token(payload.token()).<AttachmentRequest>map(PhotoAttachmentRequest::token)
        .or(() -> token(payload.url()).map(PhotoAttachmentRequest::url));
  }

  private static Optional<String> token(String value) {
    return Optional.ofNullable(value).filter(text -> !text.isBlank());
  }
}
