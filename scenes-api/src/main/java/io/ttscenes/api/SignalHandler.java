package io.ttscenes.api;

/**
 * Reacts to a signal another session sent to this one (see {@link Context#signal}), with its
 * payload read as the type the handler was registered for. Like a {@link Handler} it runs on the
 * session's lane and may run again on a commit conflict, so it acts only through {@code ctx}.
 *
 * @param <D> the scene data type
 * @param <T> the payload type
 */
@FunctionalInterface
public interface SignalHandler<D, T> {

  /** Handles {@code payload}; unchecked exceptions go to the bot's exception handlers. */
  void handle(Context<D> ctx, T payload);
}
