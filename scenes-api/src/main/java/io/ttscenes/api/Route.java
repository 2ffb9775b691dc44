package io.ttscenes.api;

import io.ttscenes.api.model.Update;
import java.util.Objects;
import java.util.Optional;

/**
 * One handler with the condition under which it runs, as declared on a scene, a wizard step or
 * the bot's global and root handler sets. Immutable and thread-safe.
 *
 * @param <D> the data type of the scene it belongs to
 */
public final class Route<D> {

  /** Decides whether an update is for a route. */
  @FunctionalInterface
  interface Condition {
    Optional<RouteMatch> test(Update update, Optional<String> botUsername);
  }

  private final String description;
  private final Condition condition;
  private final Handler<D> handler;

  Route(String description, Condition condition, Handler<D> handler) {
    this.description = Objects.requireNonNull(description, "description");
    this.condition = Objects.requireNonNull(condition, "condition");
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  /**
   * Returns the match when this route takes {@code update}; {@code botUsername}, when known, lets
   * commands addressed to another bot ({@code /start@other}) pass by.
   */
  Optional<RouteMatch> match(Update update, Optional<String> botUsername) {
    return condition.test(update, botUsername);
  }

  /** Returns the handler to run when the route matches. */
  Handler<D> handler() {
    return handler;
  }

  /** Returns a readable description such as {@code command /start}, for logs. */
  @Override
  public String toString() {
    return description;
  }
}
