package io.ttscenes.api;

/**
 * A set of handlers outside any scene: the bot's global handlers (tried first, in every scene)
 * or its root handlers (tried when the session is in no scene). Their contexts have no scene
 * data, so {@link Context#data()} throws there unless a scene is current.
 */
public final class Handlers extends RouteSet<Object, Handlers> {
  Handlers() {}

  @Override
  Handlers self() {
    return this;
  }
}
