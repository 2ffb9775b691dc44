package io.ttscenes.runtime.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class WebhookPathTest {

  @Test
  void aTrailingSlashOnTheRequestIsIgnored() {
    WebhookPath path = new WebhookPath("/tamtam/s3cr3t");

    assertTrue(path.matches("/tamtam/s3cr3t"));
    assertTrue(path.matches("/tamtam/s3cr3t/"));
    assertFalse(path.matches("/tamtam/s3cr3t//"));
    assertFalse(path.matches("/tamtam"));
    assertFalse(path.matches("/tamtam/s3cr3tx"));
  }

  @Test
  void aPathWithCharactersAUriCannotHoldMatchesOnlyItsEncodedSpelling() {
    WebhookPath path = new WebhookPath("/my hook/{id}");

    assertTrue(path.matches("/my%20hook/%7Bid%7D"));
    assertFalse(path.matches("/my hook/{id}"), "compared as sent, never decoded");
  }

  @Test
  void aNonAsciiPathMatchesTheUtf8PercentEncodingClientsSend() {
    WebhookPath path = new WebhookPath("/hook/ключ");

    assertTrue(path.matches("/hook/%D0%BA%D0%BB%D1%8E%D1%87"));
    assertTrue(path.matches("/hook/%D0%BA%D0%BB%D1%8E%D1%87/"));
    assertFalse(path.matches("/hook/ключ"), "compared as sent, never decoded");
  }

  @Test
  void anEncodedSpellingOfAPlainCharacterIsAnotherPath() {
    WebhookPath path = new WebhookPath("/s3cr3t");

    assertFalse(path.matches("/s3cr%33t"));
    assertFalse(path.matches("/S3CR3T"));
  }

  @Test
  void theRootMatchesOnlyTheRoot() {
    WebhookPath root = new WebhookPath("/");

    assertTrue(root.matches("/"));
    assertFalse(root.matches("/anything"));
    assertFalse(root.matches(null));
  }

  @Test
  void stripSlashKeepsTheRootAndRemovesOneTrailingSlash() {
    assertEquals("/", WebhookPath.stripSlash("/"));
    assertEquals("/a", WebhookPath.stripSlash("/a/"));
    assertEquals("/a/", WebhookPath.stripSlash("/a//"));
  }
}
