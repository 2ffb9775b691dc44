package io.ttscenes.api.internal;

import io.ttscenes.api.Handler;
import io.ttscenes.api.RouteMatch;
import java.util.Objects;

/**
 * A chosen handler and what its route matched; {@code route} describes it for logs.
 *
 * @param handler the handler, typed to the scene's data by the caller
 * @param match what the route found in the update
 * @param route a readable description of the route
 */
public record Selection(Handler<?> handler, RouteMatch match, String route) {
  /** Checks that every component is present. */
  public Selection {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(route, "route");
  }
}
