package io.ttscenes.api.store;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link SessionStore#loadOrGuess} returned: the session as {@link SessionStore#load} gives
 * it, or, when {@code guessed}, no session because the store skipped the read and guesses there
 * is none. A guess is only ever of absence, and a commit acting on it expects version 0.
 */
public record SessionRead(Optional<StoredSession> session, boolean guessed) {
  public SessionRead {
    Objects.requireNonNull(session, "session");
    if (guessed && session.isPresent()) {
      throw new IllegalArgumentException("a guessed read holds no session, but it holds version "
          + session.get().version());
    }
  }

  /** A read that asked: {@code session} is what the store holds (empty: none). */
  public static SessionRead loaded(Optional<StoredSession> session) {
    return new SessionRead(session, false);
  }

  /** A read that did not ask and guesses that the session does not exist. */
  public static SessionRead guessedAbsent() {
    return new SessionRead(Optional.empty(), true);
  }
}
