package io.ttscenes.testkit.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.ttscenes.api.store.StoredSession;
import io.ttscenes.runtime.json.WireJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's session as the store holds it right now, read after the bot became idle: the current
 * scene and wizard step, the scene's data and the session-wide data. Immutable.
 *
 * @param key the session key (from the bot's session key strategy)
 * @param version the store's version of the session; 0 when there is no session yet
 * @param scene the current scene's id; empty at the root
 * @param step the current wizard step; empty outside wizards
 * @param data the scene's data as stored (JSON); a null node at the root
 * @param sessionData the session-wide data as stored (JSON); a null node when the bot has none
 * @param timeoutAt when the current scene's or wizard step's timeout fires (the earlier), if any
 * @param jobs the jobs the bot scheduled for the session, by name, with when each comes due
 */
public record SessionSnapshot(
    String key,
    long version,
    Optional<String> scene,
    Optional<String> step,
    JsonNode data,
    JsonNode sessionData,
    Optional<Instant> timeoutAt,
    Map<String, Instant> jobs) {
  // The engine's own mapper configuration, so data reads back exactly as handlers saw it.
  private static final ObjectMapper MAPPER = WireJson.create();
  private static final String TIMEOUT_JOB = "ttscenes.timeout";
  private static final String STEP_TIMEOUT_JOB = "ttscenes.step-timeout";

  public SessionSnapshot {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(scene, "scene");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(sessionData, "sessionData");
    Objects.requireNonNull(timeoutAt, "timeoutAt");
    jobs = Map.copyOf(jobs);
  }

  /** Whether the bot has stored anything for this user yet. */
  public boolean exists() {
    return version > 0;
  }

  /** The scene's data as {@code type}; AssertionError at the root or when it does not fit. */
  public <T> T data(Class<T> type) {
    if (scene.isEmpty()) {
      throw new AssertionError("session " + key + " is at the root; it has no scene data");
    }
    return convert("scene data", data, type);
  }

  /** The session-wide data as {@code type}; AssertionError when there is none or it does not fit. */
  public <T> T sessionData(Class<T> type) {
    if (sessionData.isNull()) {
      throw new AssertionError("session " + key + " has no session-wide data");
    }
    return convert("session data", sessionData, type);
  }

  static SessionSnapshot of(String key, Optional<StoredSession> stored, ObjectMapper mapper) {
    if (stored.isEmpty()) {
      return new SessionSnapshot(key, 0, Optional.empty(), Optional.empty(), NullNode.getInstance(),
          NullNode.getInstance(), Optional.empty(), Map.of());
    }
    JsonNode json;
    try {
      json = mapper.readTree(stored.get().data());
    } catch (JsonProcessingException e) {
      throw new AssertionError("session " + key + " is not JSON: " + e.getOriginalMessage(), e);
    }
    // The engine's stored layout (SessionState): scene, step, data, session, jobs (the scene's
    // timeout among them, by its reserved name), or a deadline as stored before jobs existed.
    Map<String, Instant> jobs = new LinkedHashMap<>();
    json.path("jobs").forEach(job -> jobs.put(job.path("name").asText(), Instant.ofEpochMilli(job.path("due").asLong())));
    JsonNode deadline = json.path("deadline");
    Optional<Instant> step = Optional.ofNullable(jobs.remove(STEP_TIMEOUT_JOB));
    Optional<Instant> scene = Optional.ofNullable(jobs.remove(TIMEOUT_JOB))
        .or(() -> deadline.isNumber() ? Optional.of(Instant.ofEpochMilli(deadline.asLong())) : Optional.empty());
    Optional<Instant> timeout = step.isEmpty() || scene.isPresent() && scene.get().isBefore(step.get()) ? scene : step;
    return new SessionSnapshot(key, stored.get().version(), text(json, "scene"), text(json, "step"),
        node(json, "data"), node(json, "session"), timeout, jobs);
  }

  private <T> T convert(String what, JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new AssertionError(what + " of session " + key + " does not read as "
          + type.getSimpleName() + ": " + node, e);
    }
  }

  private static Optional<String> text(JsonNode json, String field) {
    JsonNode value = json.path(field);
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  private static JsonNode node(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null ? NullNode.getInstance() : value;
  }
}
