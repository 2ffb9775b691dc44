package io.ttscenes.api.store;

/**
 * The store's backing service could not be reached or answered with a server-side failure. The
 * operation may be retried; the engine does not acknowledge the update, so it is not lost.
 */
public class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
