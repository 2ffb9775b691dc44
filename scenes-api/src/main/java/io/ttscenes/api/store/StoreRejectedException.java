package io.ttscenes.api.store;

/**
 * The store's backing service answered, but refused the operation in a way that retrying cannot
 * fix (out of memory, a key of the wrong type, a script error, keys in two cluster slots). Unlike
 * {@link StoreUnavailableException} the engine does not wait and retry: the update fails, so its
 * ingress's failure handling applies (long polling retries it a bounded number of times, then
 * dead-letters it; a webhook answers 503).
 */
public class StoreRejectedException extends RuntimeException {
  /** A refusal described by {@code message} (naming the operation and the server), caused by {@code cause}. */
  public StoreRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
