package io.ttscenes.api;

import io.ttscenes.api.internal.Selection;
import io.ttscenes.api.model.Update;
import java.util.List;
import java.util.Optional;

/** Picks the handler for an update in the order documented on {@link Bot}. */
final class Routing {
  private Routing() {}

  // Plain branches rather than Optional.or chains: this runs for every update.
  static Optional<Selection> select(Update update, Optional<String> username, Handlers global,
      Handlers root, Optional<Scene<?>> scene, Optional<String> step) {
    Optional<Selection> found = first(global.routes(), update, username);
    if (found.isEmpty()) {
      found = scene.isPresent()
          ? inScene(scene.get(), step, update, username)
          : orElse(first(root.routes(), update, username), root.fallbackHandler(), "root fallback");
    }
    return orElse(found, global.fallbackHandler(), "global fallback");
  }

  /**
   * The handler of scheduled job {@code name}: the current step's, the scene's (or at the root the
   * root's), then the global one. No fallback: a job is not an update a user sent.
   */
  static Optional<Handler<?>> scheduled(String name, Handlers global, Handlers root,
      Optional<Scene<?>> scene, Optional<String> step) {
    Optional<Handler<?>> found = Optional.empty();
    if (scene.isPresent()) {
      found = inScene(scene.get(), step, name);
    } else {
      found = root.scheduledHandler(name).map(h -> h);
    }
    return found.isPresent() ? found : global.scheduledHandler(name).map(h -> h);
  }

  /** The route of signals whose payload has type {@code typeName}, searched as {@link #scheduled} does. */
  static Optional<SignalRoute<?>> signal(String typeName, Handlers global, Handlers root,
      Optional<Scene<?>> scene, Optional<String> step) {
    Optional<SignalRoute<?>> found;
    if (scene.isPresent()) {
      found = signalInScene(scene.get(), step, typeName);
    } else {
      found = root.signalRoute(typeName).map(h -> h);
    }
    return found.isPresent() ? found : global.signalRoute(typeName).map(h -> h);
  }

  private static <D> Optional<SignalRoute<?>> signalInScene(Scene<D> scene, Optional<String> stepName,
      String typeName) {
    Optional<SignalRoute<D>> found = stepName.flatMap(scene::step).flatMap(s -> s.signalRoute(typeName));
    if (found.isEmpty()) {
      found = scene.signalRoute(typeName);
    }
    return found.map(h -> h);
  }

  private static <D> Optional<Handler<?>> inScene(Scene<D> scene, Optional<String> stepName, String name) {
    Optional<Handler<D>> found = stepName.flatMap(scene::step).flatMap(s -> s.scheduledHandler(name));
    if (found.isEmpty()) {
      found = scene.scheduledHandler(name);
    }
    return found.map(h -> h);
  }

  private static <D> Optional<Selection> inScene(Scene<D> scene, Optional<String> stepName,
      Update update, Optional<String> username) {
    Optional<WizardStep<D>> step = stepName.isPresent() ? scene.step(stepName.get()) : Optional.empty();
    Optional<Selection> found = Optional.empty();
    if (step.isPresent()) {
      found = first(step.get().routes(), update, username);
    }
    if (found.isEmpty()) {
      found = first(scene.routes(), update, username);
    }
    if (found.isEmpty() && step.isPresent()) {
      found = fallback(step.get().fallbackHandler(), "step fallback");
    }
    return orElse(found, scene.fallback(), "scene fallback");
  }

  private static <D> Optional<Selection> first(List<Route<D>> routes, Update update,
      Optional<String> username) {
    for (int i = 0; i < routes.size(); i++) {
      Route<D> route = routes.get(i);
      Optional<RouteMatch> match = route.match(update, username);
      if (match.isPresent()) {
        return Optional.of(new Selection(route.handler(), match.get(), route.toString()));
      }
    }
    return Optional.empty();
  }

  private static <D> Optional<Selection> orElse(Optional<Selection> found,
      Optional<Handler<D>> handler, String name) {
    return found.isPresent() ? found : fallback(handler, name);
  }

  private static <D> Optional<Selection> fallback(Optional<Handler<D>> handler, String name) {
    return handler.map(h -> new Selection(h, RouteMatch.PLAIN, name));
  }
}
