package io.ttscenes.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the runtime gave up on, kept by the store so an operator can list and replay it:
 * an update that failed too often, a body that is no update, or a reply whose sending was given
 * up. {@code session} is the session key of a reply (empty for the others); {@code payload} is the
 * update's JSON, the unreadable body, or the reply's outbox entry.
 */
public record DeadLetter(String id, Instant at, Kind kind, String session, String error, String payload) {

  /** What a dead letter holds, which decides how it is replayed. */
  public enum Kind {
    /** An update that failed too many times in a row; replay hands it to the bot again. */
    UPDATE,
    /** A request body that is not an update; kept as evidence, never replayed. */
    UNREADABLE,
    /** A session's reply whose sending was given up; replay sends its unsent calls again. */
    REPLY
  }

  public DeadLetter {
    Objects.requireNonNull(id, "id");
    if (id.isEmpty() || id.chars().anyMatch(c -> c <= ' ')) {
      throw new IllegalArgumentException("dead letter id '" + id + "' is empty or has a space or control character");
    }
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(payload, "payload");
  }
}
