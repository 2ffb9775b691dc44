package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One job of a session as stored in its JSON: its name, when it comes due (epoch ms), the
 * session-wide sequence number given when it was scheduled (so each firing has its own dedupe
 * id, even for a name scheduled again at the same time) and its payload (null for none).
 */
record ScheduledJob(String name, long due, long seq, JsonNode payload) {
  ScheduledJob {
    Objects.requireNonNull(name, "name");
  }

  Instant dueAt() {
    return Instant.ofEpochMilli(due);
  }

  /** The dedupe id of this firing. */
  DedupeId dedupeId() {
    return DedupeId.job(name, seq);
  }
}
