package io.ttscenes.runtime.engine;

import java.util.Objects;

/**
 * The id of a signal or a continuation's outcome: the recording session's key, the dedupe id of
 * the event whose handler recorded it and the effect's index in that event's outbox. The same in
 * every re-run, resend and recovery of the event, so its target keeps and handles it once. Written
 * as {@code <key>#<dedupe id>#<index>} ({@link #toString()}), the inbox id in the store.
 */
record EffectId(String sessionKey, DedupeId dedupeId, int index) {
  EffectId {
    Objects.requireNonNull(sessionKey, "sessionKey");
    Objects.requireNonNull(dedupeId, "dedupeId");
    if (index < 0) {
      throw new IllegalArgumentException("effect index " + index + " is negative");
    }
  }

  @Override
  public String toString() {
    return sessionKey + "#" + dedupeId + "#" + index;
  }
}
