package io.ttscenes.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What a sub-dialog started with {@link Context#call} gave back to its caller: the value it
 * {@linkplain Context#finish finished} with, or {@link Cancelled} when it was cancelled or left
 * without a result.
 *
 * @param <R> the result type
 */
public sealed interface DialogResult<R> {

  /** Returns the value, empty when the dialog was cancelled. */
  Optional<R> value();

  /**
   * The sub-dialog finished with {@code result}.
   *
   * @param result the value it finished with
   */
  record Returned<R>(R result) implements DialogResult<R> {
    /** Checks that the result is present. */
    public Returned {
      Objects.requireNonNull(result, "result");
    }

    @Override
    public Optional<R> value() {
      return Optional.of(result);
    }
  }

  /** The sub-dialog was cancelled, or left without finishing. */
  record Cancelled<R>() implements DialogResult<R> {
    @Override
    public Optional<R> value() {
      return Optional.empty();
    }
  }
}
