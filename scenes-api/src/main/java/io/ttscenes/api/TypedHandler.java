package io.ttscenes.api;

/**
 * Reacts to an update that carried a typed value: a pressed typed button, a typed start link or
 * a prompt's parsed answer. Runs like a {@link Handler}, with the value already decoded.
 *
 * @param <D> the scene data type
 * @param <T> the value's type
 */
@FunctionalInterface
public interface TypedHandler<D, T> {

  /** Handles {@code value}; unchecked exceptions go to the bot's exception handlers. */
  void handle(Context<D> ctx, T value);
}
