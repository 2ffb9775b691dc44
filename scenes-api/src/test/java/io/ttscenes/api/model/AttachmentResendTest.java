package io.ttscenes.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link AttachmentRequest#resend}: what a received attachment is sent again as. */
final class AttachmentResendTest {
  @Test
  void mediaAndFilesAreSentAgainByTheirToken() {
    assertEquals(Optional.of(PhotoAttachmentRequest.token("p1")), AttachmentRequest.resend(
        new PhotoAttachment(new PhotoAttachmentPayload(7, "p1", "https://i/p.jpg"))));
    assertEquals(Optional.of(VideoAttachmentRequest.token("v1")), AttachmentRequest.resend(
        new VideoAttachment(new MediaAttachmentPayload("https://v", "v1"), null, 640, 480, 12)));
    assertEquals(Optional.of(AudioAttachmentRequest.token("a1")), AttachmentRequest.resend(
        new AudioAttachment(new MediaAttachmentPayload("https://a", "a1"))));
    assertEquals(Optional.of(FileAttachmentRequest.token("f1")), AttachmentRequest.resend(
        new FileAttachment(new FileAttachmentPayload("https://f", "f1"), "label.pdf", 2048)));
  }

  @Test
  void aStickerByItsCodeALocationByItsCoordinatesAPhotoWithoutTokenByItsUrl() {
    assertEquals(Optional.of(StickerAttachmentRequest.code("smile")), AttachmentRequest.resend(
        new StickerAttachment(new StickerAttachmentPayload("https://s", "smile"), 128, 128)));
    assertEquals(Optional.of(new LocationAttachmentRequest(55.75, 37.62)),
        AttachmentRequest.resend(new LocationAttachment(55.75, 37.62)));
    assertEquals(Optional.of(PhotoAttachmentRequest.url("https://i/p.jpg")), AttachmentRequest.resend(
        new PhotoAttachment(new PhotoAttachmentPayload(7, null, "https://i/p.jpg"))));
  }

  @Test
  void aContactByItsUsersNameAndIdWithItsCardElseByTheCardsOwnName() {
    String card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Olga\\, desk\r\nTEL;TYPE=cell:+7999\r\nEND:VCARD";
    assertEquals(Optional.of(new ContactAttachmentRequest(new ContactAttachmentRequestPayload("Olga K", 42L, card,
        null))), AttachmentRequest.resend(new ContactAttachment(new ContactAttachmentPayload(card,
        new User(42, "Olga K", null, false, 0)))));
    assertEquals(Optional.of(new ContactAttachmentRequest(new ContactAttachmentRequestPayload("Olga, desk", null,
        card, null))), AttachmentRequest.resend(new ContactAttachment(new ContactAttachmentPayload(card, null))));
  }

  @Test
  void aShareByItsUrlOrToken() {
    ShareAttachmentPayload link = new ShareAttachmentPayload("https://shop.example/returns", null);
    assertEquals(Optional.of(new ShareAttachmentRequest(link)), AttachmentRequest.resend(
        new ShareAttachment(link, "Returns", "How to return", null)));
    ShareAttachmentPayload token = new ShareAttachmentPayload(null, "s1");
    assertEquals(Optional.of(new ShareAttachmentRequest(token)), AttachmentRequest.resend(
        new ShareAttachment(token, null, null, null)));
  }

  @Test
  void aShareByItsTokenCarriesNoBlankUrlTheSchemaRefuses() {
    // The schema's ShareAttachmentPayload.url has minLength 1: a blank one must not go out with the token.
    assertEquals(Optional.of(new ShareAttachmentRequest(new ShareAttachmentPayload(null, "s1"))),
        AttachmentRequest.resend(new ShareAttachment(new ShareAttachmentPayload("", "s1"), null, null, null)));
    assertEquals(Optional.of(new ShareAttachmentRequest(new ShareAttachmentPayload("https://shop.example", null))),
        AttachmentRequest.resend(new ShareAttachment(new ShareAttachmentPayload("https://shop.example", " "), null,
            null, null)));
  }

  @Test
  void whatCannotBeSentAgainIsEmptyAndNullIsRefusedByName() {
    assertEquals(Optional.empty(), AttachmentRequest.resend(new ContactAttachment(
        new ContactAttachmentPayload("BEGIN:VCARD\r\nTEL:+7999\r\nEND:VCARD", null))));
    assertEquals(Optional.empty(), AttachmentRequest.resend(new ContactAttachment(
        new ContactAttachmentPayload(null, new User(42, " ", null, false, 0)))));
    assertEquals(Optional.empty(), AttachmentRequest.resend(new ShareAttachment(
        new ShareAttachmentPayload(" ", null), "t", null, null)));
    assertEquals(Optional.empty(), AttachmentRequest.resend(new UnknownAttachment(Map.of("type", "poll"))));
    assertEquals(Optional.empty(), AttachmentRequest.resend(
        new FileAttachment(new FileAttachmentPayload("https://f", " "), "x", 1)));
    NullPointerException thrown = assertThrows(NullPointerException.class, () -> AttachmentRequest.resend(null));
    assertEquals("received", thrown.getMessage());
  }
}
