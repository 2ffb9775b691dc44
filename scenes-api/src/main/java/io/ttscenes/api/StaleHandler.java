package io.ttscenes.api;

/**
 * Reacts to a stale or invalid typed button or start link instead of the handlers of the current
 * step, which never see it. Set with {@link Bot.Builder#onStale}; the default answers "This button
 * has expired." and shows the current wizard step again, or replies "This link is not valid.".
 */
@FunctionalInterface
public interface StaleHandler {

  /** Handles the refused payload described by {@code stale}. */
  void handle(Context<Object> ctx, Stale stale);
}
