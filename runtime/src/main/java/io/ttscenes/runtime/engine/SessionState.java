package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A session as stored (JSON): current scene and wizard step (null at the root), the scene's data,
 * the session-wide data, the history for {@code back()}, the scheduled jobs (the scene timeout
 * among them) with the sequence numbering them, and the last user and chat seen, so a job can
 * reply. Nullable components are omitted from the JSON. {@code dv} and {@code sv} are the
 * versions of the scene data and the session data (omitted: version 1), {@code v} of a history
 * entry its data's. {@code deadline} (epoch millis) is the
 * scene timeout as sessions stored it before jobs existed; it is read as the timeout job.
 */
record SessionState(
    String scene,
    String step,
    JsonNode data,
    JsonNode session,
    List<HistoryEntry> history,
    Long deadline,
    List<ScheduledJob> jobs,
    Long seq,
    Long user,
    Long chat,
    String campaign,
    List<String> reached,
    Integer dv,
    Integer sv) {
  SessionState {
    // Null (omitted) without a campaign, as the one-pass encoder writes it.
    reached = reached == null ? null : List.copyOf(reached);
    history = history == null ? List.of() : List.copyOf(history);
    jobs = jobs == null ? List.of() : List.copyOf(jobs);
  }

  /** The jobs this state holds, the timeout of the legacy {@code deadline} among them. */
  Jobs toJobs() {
    Jobs restored = new Jobs(jobs, seq == null ? 0 : seq);
    if (deadline != null && restored.get(Jobs.TIMEOUT).isEmpty()) {
      restored.put(Jobs.TIMEOUT, java.time.Instant.ofEpochMilli(deadline), null);
    }
    return restored;
  }

  /** One earlier scene to return to, with the data it had. */
  record HistoryEntry(String scene, String step, JsonNode data, Integer v) {}
}
