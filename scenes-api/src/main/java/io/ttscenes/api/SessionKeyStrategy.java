package io.ttscenes.api;

import io.ttscenes.api.model.Update;

/**
 * Decides which session an update belongs to. Updates with equal keys are handled one at a time,
 * in arrival order, and share one stored session. Implementations must be pure and thread-safe.
 */
@FunctionalInterface
public interface SessionKeyStrategy {

  /** Returns the session key of {@code update}; never empty (use a shared key for anonymous updates). */
  String keyOf(Update update);
}
