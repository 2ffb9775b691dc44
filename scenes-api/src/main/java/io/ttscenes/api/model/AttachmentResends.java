package io.ttscenes.api.model;

import java.util.Optional;

/**
 * What {@link AttachmentRequest#resend} sends again for each received attachment: media and files
 * by their token (TamTam's way to reuse an attachment in another message), a sticker by its code,
 * a location by its coordinates, a contact by its name, TamTam user id and VCF card, a share by its
 * URL or token. Keyboards, unknown types and payloads missing what a request needs have none.
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
    } else if (received instanceof ContactAttachment contact && contact.payload() != null) {
      return contact(contact.payload());
    } else if (received instanceof ShareAttachment share && share.payload() != null) {
      return share(share.payload());
    }
    return Optional.empty();
  }

  /**
   * A contact needs a name (the request requires one): the TamTam user's, else the card's
   * {@code FN} line. The card and the user id go with it, so the receiver sees the same contact.
   */
  private static Optional<AttachmentRequest> contact(ContactAttachmentPayload payload) {
    Optional<User> user = Optional.ofNullable(payload.tamInfo());
    Optional<String> name = user.map(User::name).flatMap(AttachmentResends::token)
        .or(() -> cardName(payload.vcfInfo()));
    return name.<AttachmentRequest>map(found -> new ContactAttachmentRequest(new ContactAttachmentRequestPayload(found,
        user.map(User::userId).orElse(null), token(payload.vcfInfo()).orElse(null), null)));
  }

  /** The formatted name ({@code FN:}) of a VCF card, unescaped as far as a display name needs. */
  private static Optional<String> cardName(String card) {
    return token(card).flatMap(text -> text.lines()
        .filter(line -> line.regionMatches(true, 0, "FN:", 0, 3) || line.regionMatches(true, 0, "FN;", 0, 3))
        .filter(line -> line.indexOf(':') > 0)
        .map(line -> line.substring(line.indexOf(':') + 1).replace("\\,", ",").replace("\\;", ";").strip())
        .filter(value -> !value.isEmpty())
        .findFirst());
  }

  /** A share by what it has of its URL and token; a blank one is left out (the schema's url has minLength 1). */
  private static Optional<AttachmentRequest> share(ShareAttachmentPayload payload) {
    Optional<String> url = token(payload.url());
    Optional<String> token = token(payload.token());
    return url.isEmpty() && token.isEmpty() ? Optional.empty() : Optional.of(new ShareAttachmentRequest(
        new ShareAttachmentPayload(url.orElse(null), token.orElse(null))));
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
