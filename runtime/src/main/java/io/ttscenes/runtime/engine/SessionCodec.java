package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns stored session JSON into a typed {@link Session} and back. Scene and session data are
 * stored with their version and migrated on reading; data that is unreadable, does not bind
 * strictly or cannot be migrated resets the session to the root, marked so the turn tells the user
 * and counts it, rather than reading nulls or failing every update of that user forever. A scene
 * the bot no longer has returns the session to the root with a warning.
 */
final class SessionCodec {
  private static final Logger LOG = LoggerFactory.getLogger(SessionCodec.class);

  private final Bot bot;
  private final ObjectMapper mapper;
  private final OnePassSessionReader onePass;
  private final VersionedData versioned;

  SessionCodec(Bot bot, ObjectMapper mapper) {
    this.bot = bot;
    // Scene and session data are the author's classes: records work as they are, and a plain class
    // keeps its state in its fields, which must be stored even without getters (else it would be
    // written as {} and come back empty on the next update, silently).
    this.mapper = mapper.copy().setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    this.versioned = new VersionedData(this.mapper);
    this.onePass = new OnePassSessionReader(bot, this.mapper, versioned);
  }

  Session fresh() {
    return new Session(null, null, null, bot.newSessionData().orElse(null), List.of(), Jobs.none(), null, null);
  }

  /**
   * The typed session {@code json} holds; read in one pass when it is the plain case, else through
   * trees, which reset what no longer fits to the root with a warning.
   */
  Session decode(String key, String json) {
    return onePass.read(key, json).orElseGet(() -> withExtras(decodeTrees(key, json), json));
  }

  /** The mapper that reads and writes the author's data (fields visible). */
  ObjectMapper mapper() {
    return mapper;
  }

  /** Copies the stored extras ({@code x}) into {@code session}; unreadable extras start empty. */
  private Session withExtras(Session session, String json) {
    try {
      JsonNode extras = mapper.readTree(json).get("x");
      if (extras instanceof ObjectNode object) {
        session.extras = object;
        if (session.reset != null) {
          // The suspended callers' data is of the same deploy as the data that failed.
          DialogStack.clear(object);
        }
      }
    } catch (JsonProcessingException e) {
      // The tree path already logged the unreadable session; its extras start empty.
    }
    return session;
  }

  private Session decodeTrees(String key, String json) {
    SessionState state;
    try {
      state = mapper.readValue(json, SessionState.class);
    } catch (JsonProcessingException e) {
      // The location only: Jackson's message may quote the stored text.
      LOG.warn("a stored session is not readable JSON (at line {}, column {}); it starts over at the root",
          e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
          e.getLocation() == null ? -1 : e.getLocation().getColumnNr());
      Session fresh = fresh();
      fresh.reset = new FlowEvent.SessionReset(FlowEvent.ROOT, "unreadable");
      return fresh;
    }
    return attributed(decodeTrees(key, state), state.campaign(), state.reached());
  }

  /** {@code session} with the deep-link campaign it was stored with and the places reached since. */
  static Session attributed(Session session, String campaign, List<String> reached) {
    session.campaign = campaign;
    if (campaign != null && reached != null) {
      session.reached.addAll(reached);
    }
    return session;
  }

  private Session decodeTrees(String key, SessionState state) {
    Optional<Scene<?>> scene = Optional.ofNullable(state.scene()).flatMap(bot::scene);
    Jobs jobs = state.toJobs();
    Object sessionData;
    try {
      sessionData = sessionData(state);
    } catch (VersionedData.Unreadable e) {
      return reset(state, "its session data", e, jobs);
    }
    if (state.scene() != null && scene.isEmpty()) {
      LOG.warn("session {}: stored scene '{}' is not part of bot '{}'; the session returns to the root",
          key, state.scene(), bot.name());
      return atRoot(sessionData, List.of(), jobs, state);
    }
    if (scene.isEmpty()) {
      return atRoot(sessionData, state.history(), jobs, state);
    }
    Object data;
    try {
      data = versioned.read(state.data(), state.dv(), scene.get().dataVersions(), scene.get().dataType());
    } catch (VersionedData.Unreadable e) {
      return reset(state, "the data of scene '" + scene.get().id() + "'", e, jobs);
    }
    return new Session(scene.get(), step(key, scene.get(), state.step()), data, sessionData,
        state.history(), jobs, state.user(), state.chat());
  }

  /**
   * A session started over at the root with fresh session data after {@code what} could not be read;
   * logged with versions and field names but no session key or values (they may be personal data).
   */
  private Session reset(SessionState state, String what, VersionedData.Unreadable e, Jobs jobs) {
    String scene = state.scene() == null ? FlowEvent.ROOT : state.scene();
    LOG.warn("a stored session in scene '{}' starts over at the root ({}): {} {}", scene, e.reason().tag(), what,
        e.getMessage());
    Session session = atRoot(bot.newSessionData().orElse(null), List.of(), jobs, state);
    session.reset = new FlowEvent.SessionReset(scene, e.reason().tag());
    return session;
  }

  /** A session at the root: the author's jobs stay, a scene or step timeout has nothing to time out. */
  private static Session atRoot(Object sessionData, List<SessionState.HistoryEntry> history, Jobs jobs,
      SessionState state) {
    jobs.remove(Jobs.TIMEOUT);
    jobs.remove(Jobs.STEP_TIMEOUT);
    return new Session(null, null, null, sessionData, history, jobs, state.user(), state.chat());
  }

  /** Keeps a stored wizard step the scene still has; otherwise restarts at its first step. */
  static String step(String key, Scene<?> scene, String stored) {
    if (scene.steps().isEmpty()) {
      return null;
    }
    if (stored != null && scene.step(stored).isPresent()) {
      return stored;
    }
    String first = scene.steps().get(0).name();
    LOG.warn("session {}: scene '{}' has no step '{}' any more; continuing at its first step '{}'",
        key, scene.id(), stored, first);
    return first;
  }

  /**
   * The JSON shape of {@link SessionState}, with the data objects written directly rather than
   * first turned into trees: the same JSON in one pass.
   */
  private record Written(String scene, String step, Integer dv, Object data, Integer sv, Object session,
      List<SessionState.HistoryEntry> history, List<ScheduledJob> jobs, Long seq, Long user, Long chat,
      String campaign, Set<String> reached, JsonNode x) {}

  String encode(Session session) {
    Written state = new Written(
        session.scene().map(Scene::id).orElse(null), session.step,
        session.scene().map(scene -> VersionedData.stamp(scene.dataVersions())).orElse(null), session.data,
        session.sessionData == null ? null : VersionedData.stamp(bot.sessionDataVersions()),
        session.sessionData, session.history,
        session.jobs.stored(), session.jobs.storedSeq(), session.user, session.chat,
        session.campaign, session.campaign == null ? null : session.reached,
        session.extras.isEmpty() ? null : session.extras);
    try {
      // Through UTF-8 bytes: Jackson's byte writer escapes a lone surrogate (a text cut inside an
      // emoji) as \uD83D; written to a String it would stay raw and become '?' in a store that
      // keeps UTF-8, such as Redis.
      return new String(mapper.writeValueAsBytes(state), StandardCharsets.UTF_8);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new UnwritableStateException("could not write session data as JSON: " + e.getMessage(), e);
    }
  }

  JsonNode tree(Object value) {
    return value == null ? null : mapper.valueToTree(value);
  }

  /** The history entry that returns to {@code session}'s scene, step and data (with its version). */
  SessionState.HistoryEntry remembered(Session session) {
    return new SessionState.HistoryEntry(session.scene.id(), session.step, tree(session.data),
        VersionedData.stamp(session.scene.dataVersions()));
  }

  /**
   * {@code payload} of {@code what} as a JSON tree (null for none); throws
   * {@link IllegalArgumentException} naming it when Jackson cannot write it.
   */
  JsonNode payloadTree(String what, Object payload) {
    try {
      return payload == null ? null : mapper.valueToTree(payload);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the payload of " + what + " (a " + payload.getClass().getName()
          + ") cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  /** The stored payload of {@code what} as {@code type}; {@link IllegalArgumentException} when it does not fit. */
  <T> T payload(String what, JsonNode payload, Class<T> type) {
    if (payload == null || payload.isNull()) {
      return null;
    }
    try {
      return mapper.treeToValue(payload, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the payload of " + what + " does not fit " + type.getName()
          + ": " + e.getMessage(), e);
    }
  }

  /**
   * The data of {@code scene} stored as {@code node} at {@code version} (null: 1), migrated and bound;
   * empty, with a warning, when it cannot be (e.g. back() to a scene a deploy changed).
   */
  Optional<Object> convert(JsonNode node, Integer version, Scene<?> scene) {
    try {
      return Optional.of(versioned.read(node, version, scene.dataVersions(), scene.dataType()));
    } catch (VersionedData.Unreadable e) {
      // No session key: like the reset's line, this one names fields and versions only.
      LOG.warn("stored data of scene '{}' to return to cannot be read ({}): it {}; the session goes to the root",
          scene.id(), e.reason().tag(), e.getMessage());
      return Optional.empty();
    }
  }

  /** The session data of {@code state}, migrated and bound; fresh when none was stored. */
  private Object sessionData(SessionState state) throws VersionedData.Unreadable {
    Optional<Class<?>> type = bot.sessionDataType();
    if (type.isEmpty()) {
      return null;
    }
    if (state.session() == null || state.session().isNull()) {
      return bot.newSessionData().orElse(null);
    }
    return versioned.read(state.session(), state.sv(), bot.sessionDataVersions(), type.get());
  }
}
