package io.ttscenes.api;

/**
 * Reacts to one update (or one lifecycle event) of a session. It reads the update and the session
 * through {@code ctx} and records replies and transitions on it; it runs on a lane thread, one
 * update of a session at a time, and may be run again if the commit conflicts, so it must not
 * cause side effects other than through {@code ctx}. For the same reason it may first run on an
 * empty (new) session when the store guessed the session does not exist yet, and then run again
 * on the real one (see {@link io.ttscenes.api.store.SessionStore#loadOrGuess}); only the last
 * run's replies are sent.
 *
 * @param <D> the scene data type
 */
@FunctionalInterface
public interface Handler<D> {

  /** Handles the update in {@code ctx}; unchecked exceptions go to the bot's exception handlers. */
  void handle(Context<D> ctx);
}
