package io.ttscenes.runtime;

import io.ttscenes.api.Bot;

/**
 * Contributes bot-wide settings in Guice (global and root handlers, session data, middleware,
 * exception handlers, session keys...) through {@link RuntimeModule#settings}. Every contributed
 * instance is applied, in binding order, to the builder of the one bot, after its scenes.
 */
@FunctionalInterface
public interface BotSettings {

  /** Applies these settings to {@code bot}; called once, while the injector is created. */
  void configure(Bot.Builder bot);
}
