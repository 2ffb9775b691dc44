package io.ttscenes.api;

/**
 * Continues a session once TamTam accepted a message call recorded with
 * {@link Context#then(String, Object)}. Like a {@link Handler} it runs on the session's lane, its
 * changes are committed like any handler's, and it may run again on a commit conflict, so it acts
 * only through {@code ctx}; {@link Context#continuationPayload(Class)} gives the stored payload.
 *
 * @param <D> the scene data type
 */
@FunctionalInterface
public interface SentHandler<D> {

  /** Handles the accepted call; unchecked exceptions go to the bot's exception handlers. */
  void handle(Context<D> ctx, Sent sent);
}
