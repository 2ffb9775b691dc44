package io.ttscenes.api;

import io.ttscenes.api.model.Update;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Picks the handler for an update in the order documented on {@link Bot}. */
final class Routing {
  private Routing() {}

  static Optional<Bot.Selected> select(Update update, Optional<String> username, Handlers global,
      Handlers root, Optional<Scene<?>> scene, Optional<String> step) {
    Optional<Bot.Selected> found = first(global.routes(), update, username);
    if (found.isPresent()) {
      return found;
    }
    if (scene.isPresent()) {
      found = inScene(scene.get(), step, update, username);
    } else {
      found = first(root.routes(), update, username)
          .or(() -> fallback(root.fallbackHandler(), "root fallback"));
    }
    return found.or(() -> fallback(global.fallbackHandler(), "global fallback"));
  }

  private static <D> Optional<Bot.Selected> inScene(Scene<D> scene, Optional<String> stepName,
      Update update, Optional<String> username) {
    Optional<WizardStep<D>> step = stepName.flatMap(scene::step);
    List<Route<D>> routes = new ArrayList<>();
    step.ifPresent(s -> routes.addAll(s.routes()));
    routes.addAll(scene.routes());
    return first(routes, update, username)
        .or(() -> step.flatMap(s -> fallback(s.fallbackHandler(), "step fallback")))
        .or(() -> fallback(scene.fallback(), "scene fallback"));
  }

  private static <D> Optional<Bot.Selected> first(List<Route<D>> routes, Update update,
      Optional<String> username) {
    for (Route<D> route : routes) {
      Optional<RouteMatch> match = route.match(update, username);
      if (match.isPresent()) {
        return Optional.of(new Bot.Selected(route.handler(), match.get(), route.toString()));
      }
    }
    return Optional.empty();
  }

  private static <D> Optional<Bot.Selected> fallback(Optional<Handler<D>> handler, String name) {
    return handler.map(h -> new Bot.Selected(h, RouteMatch.PLAIN, name));
  }
}
