package io.ttscenes.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

final class DeadLetterTest {
  private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");

  @Test
  void aDeadLetterIdThatIsEmptyOrHasASpaceIsRefusedNamingIt() {
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> new DeadLetter("", T0, DeadLetter.Kind.UPDATE, "", "e", "{}"));
    assertEquals("dead letter id '' is empty or has a space or control character", empty.getMessage());
    IllegalArgumentException spaced = assertThrows(IllegalArgumentException.class,
        () -> new DeadLetter("a b", T0, DeadLetter.Kind.UPDATE, "", "e", "{}"));
    assertEquals("dead letter id 'a b' is empty or has a space or control character", spaced.getMessage());
  }

  @Test
  void aDeadLetterWithoutItsErrorOrPayloadIsRefused() {
    NullPointerException error = assertThrows(NullPointerException.class,
        () -> new DeadLetter("x", T0, DeadLetter.Kind.REPLY, "u:1", null, "{}"));
    assertEquals("error", error.getMessage());
    NullPointerException payload = assertThrows(NullPointerException.class,
        () -> new DeadLetter("x", T0, DeadLetter.Kind.REPLY, "u:1", "e", null));
    assertEquals("payload", payload.getMessage());
  }
}
