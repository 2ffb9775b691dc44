package io.ttscenes.runtime.engine;

/**
 * The session or outbox a handler produced cannot be written as JSON (e.g. scene data of a type
 * Jackson cannot serialize). The engine treats it like a handler failure, so the update still
 * completes.
 */
final class UnwritableStateException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  UnwritableStateException(String message, Throwable cause) {
    super(message, cause);
  }
}
