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
  void whatCannotBeSentAgainIsEmptyAndNullIsRefusedByName() {
    assertEquals(Optional.empty(), AttachmentRequest.resend(new ContactAttachment(
        new ContactAttachmentPayload("BEGIN:VCARD", null))));
    assertEquals(Optional.empty(), AttachmentRequest.resend(new UnknownAttachment(Map.of("type", "poll"))));
    assertEquals(Optional.empty(), AttachmentRequest.resend(
        new FileAttachment(new FileAttachmentPayload("https://f", " "), "x", 1)));
    NullPointerException thrown = assertThrows(NullPointerException.class, () -> AttachmentRequest.resend(null));
    assertEquals("received", thrown.getMessage());
  }
}
