package io.ttscenes.runtime.engine;

import io.ttscenes.api.model.Update;
import java.util.Objects;

/** An update with its session key and dedupe id, ready for a lane. */
record Routed(Update update, String key, DedupeId dedupeId) {
  Routed {
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(dedupeId, "dedupeId");
  }
}
