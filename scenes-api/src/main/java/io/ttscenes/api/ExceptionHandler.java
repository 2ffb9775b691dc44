package io.ttscenes.api;

/**
 * Handles an exception thrown while handling an update, with a fresh context of the session as it
 * was loaded (effects and changes of the failed run are discarded). The most specific registered
 * exception type wins. Whatever it records is committed and the update is acked.
 *
 * @param <E> the exception type it handles
 */
@FunctionalInterface
public interface ExceptionHandler<E extends Throwable> {

  /** Handles {@code exception} thrown for the update in {@code ctx}. */
  void handle(Context<?> ctx, E exception);
}
