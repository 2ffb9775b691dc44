package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A session as stored (JSON): current scene and wizard step (null at the root), the scene's data,
 * the session-wide data, the history for {@code back()}, the scene timeout deadline (epoch millis,
 * null without one) and the last user and chat seen, so a timeout can reply. Nullable components
 * are omitted from the JSON.
 */
record SessionState(
    String scene,
    String step,
    JsonNode data,
    JsonNode session,
    List<HistoryEntry> history,
    Long deadline,
    Long user,
    Long chat,
    String campaign,
    List<String> reached) {
  SessionState {
    // Null (omitted) without a campaign, as the one-pass encoder writes it.
    reached = reached == null ? null : List.copyOf(reached);
    history = history == null ? List.of() : List.copyOf(history);
  }

  /** One earlier scene to return to, with the data it had. */
  record HistoryEntry(String scene, String step, JsonNode data) {}
}
