package io.ttscenes.api;

import java.util.Objects;

/**
 * A signal handler with the payload type it was registered for; the runtime reads the payload as
 * {@code type} and passes it to {@link #run}.
 *
 * @param <D> the scene data type
 */
public final class SignalRoute<D> {
  private final Class<?> type;
  private final SignalHandler<D, ?> handler;

  <T> SignalRoute(Class<T> type, SignalHandler<D, ? super T> handler) {
    this.type = Objects.requireNonNull(type, "type");
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  /** Returns the payload type this handler takes. */
  public Class<?> type() {
    return type;
  }

  /**
   * Runs the handler with {@code payload}, which must be an instance of {@link #type()} (or null);
   * throws {@link ClassCastException} otherwise.
   */
  @SuppressWarnings("unchecked")
  public void run(Context<?> ctx, Object payload) {
    Object typed = type.cast(payload);
    ((SignalHandler<Object, Object>) handler).handle((Context<Object>) ctx, typed);
  }
}
