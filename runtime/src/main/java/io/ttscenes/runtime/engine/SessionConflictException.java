package io.ttscenes.runtime.engine;

/**
 * Another writer kept winning the commit of a session, so an update was given up after a bounded
 * number of attempts. Nothing of it was sent; the update is not acknowledged.
 */
public final class SessionConflictException extends RuntimeException {
  SessionConflictException(String message) {
    super(message);
  }
}
