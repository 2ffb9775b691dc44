package io.ttscenes.api;

/**
 * Wraps the handling of every update, outermost first in the order middleware was added. A
 * middleware calls {@link Chain#proceed} at most once, with the context it was given, to run the
 * rest of the chain; not calling it stops the update there (it is still committed and acked).
 * Middleware wraps updates only: scene timeouts run their handler directly. Like a {@link
 * Handler}, it may run more than once for one update (after a commit conflict, or first on a
 * session guessed new), so it acts only through {@code ctx}: a count or limit kept elsewhere
 * would see such an update twice.
 */
@FunctionalInterface
public interface Middleware {

  /** Handles {@code ctx}, usually by calling {@code chain.proceed(ctx)} once. */
  void handle(Context<?> ctx, Chain chain);

  /** The rest of a middleware chain, ending with the scene's handler. */
  interface Chain {

    /**
     * Runs the rest of the chain with {@code ctx}. Throws {@link IllegalStateException} when called
     * twice by one middleware, and {@link IllegalArgumentException} when given another context.
     */
    void proceed(Context<?> ctx);
  }
}
