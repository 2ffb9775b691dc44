package io.ttscenes.runtime.engine;

import io.ttscenes.api.Context;
import io.ttscenes.api.Middleware;
import java.util.List;
import java.util.function.Consumer;

/**
 * One link of the middleware chain. It enforces the chain's contract: each middleware proceeds at
 * most once and with the context it was given, failing loudly and naming the middleware otherwise.
 */
final class MiddlewareChain implements Middleware.Chain {
  private final List<Middleware> middleware;
  private final int index;
  private final Context<?> context;
  private final Consumer<Context<?>> terminal;
  private boolean proceeded;

  MiddlewareChain(List<Middleware> middleware, int index, Context<?> context,
      Consumer<Context<?>> terminal) {
    this.middleware = middleware;
    this.index = index;
    this.context = context;
    this.terminal = terminal;
  }

  /** Runs the whole chain for {@code context}, ending in {@code terminal}. */
  static void run(List<Middleware> middleware, Context<?> context, Consumer<Context<?>> terminal) {
    new MiddlewareChain(middleware, 0, context, terminal).proceed(context);
  }

  @Override
  public void proceed(Context<?> ctx) {
    if (proceeded) {
      throw new IllegalStateException(caller() + " called proceed() twice; call it at most once");
    }
    if (ctx != context) {
      throw new IllegalArgumentException(caller() + " called proceed() with another context; pass on the one it was given");
    }
    proceeded = true;
    if (index < middleware.size()) {
      middleware.get(index).handle(ctx, new MiddlewareChain(middleware, index + 1, ctx, terminal));
    } else {
      terminal.accept(ctx);
    }
  }

  private String caller() {
    if (index == 0) {
      return "the dispatcher";
    }
    Middleware previous = middleware.get(index - 1);
    return "middleware #" + index + " (" + previous.getClass().getName() + ")";
  }
}
