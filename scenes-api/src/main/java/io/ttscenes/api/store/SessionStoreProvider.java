package io.ttscenes.api.store;

import java.net.URI;

/**
 * Opens a {@link SessionStore} for a store URL such as {@code REDIS_URL}. Store modules register
 * one through {@link java.util.ServiceLoader} ({@code META-INF/services}), so a runtime configured
 * with a URL finds the store on its classpath without naming it in code.
 */
public interface SessionStoreProvider {

  /** Returns whether this provider opens stores for {@code url}'s scheme (e.g. {@code redis}). */
  boolean supports(URI url);

  /**
   * Opens a store at {@code url} for the bot named {@code botName} (its keys are kept apart from
   * other bots' in a shared server). Should do no I/O until the store is first used.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code url}
   */
  SessionStore open(URI url, String botName);
}
