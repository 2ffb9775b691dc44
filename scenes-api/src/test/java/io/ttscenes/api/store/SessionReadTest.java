package io.ttscenes.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A read that may be a guess, and the refusal that may carry the session: bad values are refused by name. */
final class SessionReadTest {
  private static final StoredSession SESSION = new StoredSession(3, "data", List.of("m1"));

  @Test
  void aGuessCanOnlyBeOfAbsence() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SessionRead(Optional.of(SESSION), true));
    assertEquals("a guessed read holds no session, but it holds version 3", e.getMessage());
    assertEquals(new SessionRead(Optional.empty(), true), SessionRead.guessedAbsent());
    assertEquals(new SessionRead(Optional.of(SESSION), false), SessionRead.loaded(Optional.of(SESSION)));
  }

  @Test
  void aReadWithoutAnOptionalIsRefused() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> new SessionRead(null, false));
    assertEquals("session", e.getMessage());
  }

  @Test
  void aRefusalCarriesOnlyTheSessionAtItsCurrentVersion() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CommitResult.Conflict(2, Optional.of(SESSION)));
    assertEquals("the carried session has version 3, not the current version 2", e.getMessage());
    assertEquals(Optional.of(SESSION), new CommitResult.Conflict(3, Optional.of(SESSION)).current());
    assertEquals(Optional.empty(), new CommitResult.Conflict(3).current());
  }

  @Test
  void aRefusalWithANegativeVersionOrNoOptionalIsRefused() {
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> new CommitResult.Conflict(-1));
    assertEquals("currentVersion is -1; it must be >= 0", negative.getMessage());
    NullPointerException e = assertThrows(NullPointerException.class, () -> new CommitResult.Conflict(0, null));
    assertEquals("current", e.getMessage());
  }
}
