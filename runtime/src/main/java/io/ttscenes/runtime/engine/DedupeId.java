package io.ttscenes.runtime.engine;

import java.util.Objects;

/**
 * What makes an event of a session unique, kept among the session's recent ids so a redelivered
 * event runs once: its {@code kind} ({@code cb} a button press, {@code mid} a new message,
 * {@code edit}, {@code rm}, {@code cs} a constructor input, {@code sig} a signal, {@code job} a
 * scheduled job, or an update type) and what identifies it within the kind. Stored as
 * {@code <kind>:<value>} ({@link #toString()}); never parsed back.
 */
record DedupeId(String kind, String value) {
  DedupeId {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
  }

  static DedupeId callback(String callbackId) {
    return new DedupeId("cb", callbackId);
  }

  static DedupeId message(String mid) {
    return new DedupeId("mid", mid);
  }

  static DedupeId edit(String mid, long timestamp) {
    return new DedupeId("edit", mid + ":" + timestamp);
  }

  static DedupeId removed(String mid) {
    return new DedupeId("rm", mid);
  }

  /** A signal or a continuation's outcome, by its id in the inbox. */
  static DedupeId signal(String inboxId) {
    return new DedupeId("sig", inboxId);
  }

  /** Whether this is a signal's or a continuation's outcome, whose value is another effect's id. */
  boolean namesAnEffect() {
    return kind.equals("sig");
  }

  /** The firing of scheduled job {@code name}, the session's {@code sequence}-th scheduling. */
  static DedupeId job(String name, long sequence) {
    return new DedupeId("job", name + ":" + sequence);
  }

  @Override
  public String toString() {
    return kind + ":" + value;
  }
}
