package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.ttscenes.api.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduled jobs of one session during a handler run, by name, and the sequence that numbers
 * each scheduling. A scene's timeout is the job {@link #TIMEOUT}. Part of the session, so jobs
 * are committed (and cancelled) atomically with it; the store only keeps the earliest due time.
 */
final class Jobs {
  /** The name of the current scene's timeout. */
  static final String TIMEOUT = "ttscenes.timeout";

  /** The name of the current wizard step's timeout. */
  static final String STEP_TIMEOUT = "ttscenes.step-timeout";

  private final Map<String, ScheduledJob> byName = new LinkedHashMap<>();
  private long seq;

  Jobs(Collection<ScheduledJob> jobs, long seq) {
    jobs.forEach(job -> byName.put(job.name(), job));
    this.seq = seq;
  }

  static Jobs none() {
    return new Jobs(List.of(), 0);
  }

  /** Sets job {@code name} (replacing one of that name) to come due at {@code due}. */
  void put(String name, Instant due, JsonNode payload) {
    byName.put(name, new ScheduledJob(name, due.toEpochMilli(), ++seq, payload));
  }

  /**
   * Sets the author's job {@code name} of session {@code key}; throws
   * {@link IllegalStateException} when that would make more than
   * {@link Context#MAX_SCHEDULED_JOBS}.
   */
  void schedule(String key, String name, Instant due, JsonNode payload) {
    if (!byName.containsKey(name) && authored() >= Context.MAX_SCHEDULED_JOBS) {
      throw new IllegalStateException("session " + key + " has " + Context.MAX_SCHEDULED_JOBS
          + " scheduled jobs already, the most it may have; job '" + name + "' was not scheduled");
    }
    put(name, due, payload);
  }

  void remove(String name) {
    byName.remove(name);
  }

  Optional<ScheduledJob> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Jobs the author scheduled, the scene and step timeouts not counted. */
  int authored() {
    return byName.size() - (byName.containsKey(TIMEOUT) ? 1 : 0) - (byName.containsKey(STEP_TIMEOUT) ? 1 : 0);
  }

  /** Whether {@code name} is one of the timeouts the runtime keeps for scenes and steps. */
  static boolean isTimeout(String name) {
    return name.equals(TIMEOUT) || name.equals(STEP_TIMEOUT);
  }

  /** When the earliest job comes due; empty without jobs. */
  Optional<Instant> wake() {
    // Loops, not streams: both run on every commit of every session.
    if (byName.isEmpty()) {
      return Optional.empty();
    }
    long earliest = Long.MAX_VALUE;
    for (ScheduledJob job : byName.values()) {
      earliest = Math.min(earliest, job.due());
    }
    return Optional.of(Instant.ofEpochMilli(earliest));
  }

  /**
   * The session's idle {@code ttl}, counted from the latest job's due time when that is later than
   * {@code now}: a session must outlive its jobs, or a job due after the TTL would find it gone.
   */
  Duration ttl(Duration ttl, Instant now) {
    long latest = now.toEpochMilli();
    for (ScheduledJob job : byName.values()) {
      latest = Math.max(latest, job.due());
    }
    return latest > now.toEpochMilli() ? ttl.plusMillis(latest - now.toEpochMilli()) : ttl;
  }

  /** The earliest job due at or before {@code now}. */
  Optional<ScheduledJob> firstDue(Instant now) {
    long nowMs = now.toEpochMilli();
    ScheduledJob first = null;
    for (ScheduledJob job : byName.values()) {
      if (job.due() <= nowMs && (first == null || job.due() < first.due())) {
        first = job;
      }
    }
    return Optional.ofNullable(first);
  }

  /** The jobs as stored (null when there are none, so the session JSON omits them). */
  List<ScheduledJob> stored() {
    return byName.isEmpty() ? null : new ArrayList<>(byName.values());
  }

  /** The sequence as stored (null while nothing was ever scheduled). */
  Long storedSeq() {
    return seq == 0 ? null : seq;
  }
}
