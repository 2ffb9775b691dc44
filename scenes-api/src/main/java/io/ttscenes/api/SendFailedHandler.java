package io.ttscenes.api;

/**
 * Continues a session when TamTam refused for good a message call recorded with
 * {@link Context#then(String, Object)} (e.g. 403 {@code chat.denied}: the user blocked the bot),
 * so the bot can, say, mark the user unreachable. Runs as a {@link SentHandler} does.
 *
 * @param <D> the scene data type
 */
@FunctionalInterface
public interface SendFailedHandler<D> {

  /** Handles the refusal; unchecked exceptions go to the bot's exception handlers. */
  void handle(Context<D> ctx, SendFailure failure);
}
