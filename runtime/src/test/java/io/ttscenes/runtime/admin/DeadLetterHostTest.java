package io.ttscenes.runtime.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which Host headers the dead-letter pages answer: the endpoint's own names, never a rebound domain. */
final class DeadLetterHostTest {
  @Test
  void addressesLocalhostAndTheConfiguredHostNameThisEndpoint() {
    assertTrue(DeadLetterPages.namesThisEndpoint("127.0.0.1:9100", "127.0.0.1"));
    assertTrue(DeadLetterPages.namesThisEndpoint("10.1.2.3", "0.0.0.0"));
    assertTrue(DeadLetterPages.namesThisEndpoint("[::1]:9100", "127.0.0.1"));
    assertTrue(DeadLetterPages.namesThisEndpoint("LOCALHOST:9100", "127.0.0.1"));
    assertTrue(DeadLetterPages.namesThisEndpoint("admin.internal:9100", "admin.internal"));
    assertTrue(DeadLetterPages.namesThisEndpoint(null, "127.0.0.1"), "HTTP/1.0 tools send no Host");
  }

  @Test
  void otherNamesAreRefused() {
    assertFalse(DeadLetterPages.namesThisEndpoint("evil.example:9100", "127.0.0.1"));
    assertFalse(DeadLetterPages.namesThisEndpoint("127.0.0.1.evil.example", "127.0.0.1"));
    assertFalse(DeadLetterPages.namesThisEndpoint("localhost.evil.example", "127.0.0.1"));
    assertFalse(DeadLetterPages.namesThisEndpoint("", "127.0.0.1"));
  }
}
