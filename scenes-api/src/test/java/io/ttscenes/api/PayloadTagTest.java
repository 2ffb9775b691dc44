package io.ttscenes.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.keyboard.Keyboard;
import org.junit.jupiter.api.Test;

final class PayloadTagTest {
  record Plain(int n) {}

  @PayloadType(tag = "v", version = 3)
  record Tagged(int n) {}

  @PayloadType(tag = "has space")
  record BadTag(int n) {}

  static final class NotARecord {}

  @Test
  void tagComesFromTheAnnotationOrTheRecordsName() {
    assertEquals(new PayloadTag("Plain", 1), PayloadTag.of(Plain.class));
    assertEquals(new PayloadTag("v", 3), PayloadTag.of(Tagged.class));
    assertTrue(PayloadTag.of(Tagged.class).marks("~v.7.0:[1]"));
  }

  @Test
  void badTypesAndTagsAreRefusedNamingThem() {
    IllegalArgumentException notRecord = assertThrows(IllegalArgumentException.class,
        () -> PayloadTag.of(NotARecord.class));
    assertTrue(notRecord.getMessage().contains("must be a record"), notRecord.getMessage());
    IllegalArgumentException badTag = assertThrows(IllegalArgumentException.class, () -> PayloadTag.of(BadTag.class));
    assertEquals("payload tag 'has space' must be 1-16 letters, digits, '_' or '-'", badTag.getMessage());
  }

  @Test
  void twoTypesClaimingOneTagFailTheBuild() {
    @PayloadType(tag = "Plain")
    record Other(int n) {}
    BotConfigurationException e = assertThrows(BotConfigurationException.class, () -> Bot.builder("b")
        .root(r -> r.onCallback(Plain.class, (ctx, p) -> { }).onCallback(Other.class, (ctx, o) -> { }))
        .build());
    assertTrue(e.getMessage().contains("payload tag 'Plain' is used by both"), e.getMessage());
  }

  @Test
  void aPlainPayloadMayNotLookTyped() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Keyboard.callback("Go", "~go"));
    assertTrue(e.getMessage().contains("marks typed payloads"), e.getMessage());
  }

  @Test
  void shortLinkSecretsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinkSigner.of("short"));
    assertEquals("start link secret has 5 bytes; it needs at least 16", e.getMessage());
    LinkSigner signer = LinkSigner.of("0123456789abcdef");
    assertTrue(signer.verifies("x", signer.sign("x")));
    assertTrue(!signer.verifies("y", signer.sign("x")));
  }
}
