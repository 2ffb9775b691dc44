package io.ttscenes.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Handed to the bot's exception handlers (register one with {@code Bot.Builder.onException}) when
 * a handler ran past the runtime's handler deadline: its thread was interrupted, nothing it
 * recorded is sent, and the exception handler's run is committed for the update instead.
 */
public final class HandlerTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Duration deadline;

  /** A handler for {@code what} (the update type) overran {@code deadline}. */
  public HandlerTimeoutException(String what, Duration deadline) {
    super("the handler for " + Objects.requireNonNull(what, "what") + " ran longer than the handler deadline of "
        + Objects.requireNonNull(deadline, "deadline").toMillis() + " ms; it was interrupted and its result is dropped");
    this.deadline = deadline;
  }

  /** The deadline the handler overran. */
  public Duration deadline() {
    return deadline;
  }
}
