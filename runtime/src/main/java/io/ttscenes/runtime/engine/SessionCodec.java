package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns stored session JSON into a typed {@link Session} and back. A session that names a scene
 * the bot no longer has, or whose data no longer fits the scene's type, is reset to the root with
 * a warning rather than failing every update of that user forever.
 */
final class SessionCodec {
  private static final Logger LOG = LoggerFactory.getLogger(SessionCodec.class);

  private final Bot bot;
  private final ObjectMapper mapper;
  private final OnePassSessionReader onePass;

  SessionCodec(Bot bot, ObjectMapper mapper) {
    this.bot = bot;
    // Scene and session data are the author's classes: records work as they are, and a plain class
    // keeps its state in its fields, which must be stored even without getters (else it would be
    // written as {} and come back empty on the next update, silently).
    this.mapper = mapper.copy().setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    this.onePass = new OnePassSessionReader(bot, this.mapper);
  }

  Session fresh() {
    return new Session(null, null, null, bot.newSessionData().orElse(null), List.of(), Jobs.none(), null, null);
  }

  /**
   * The typed session {@code json} holds; read in one pass when it is the plain case, else through
   * trees, which reset what no longer fits to the root with a warning.
   */
  Session decode(String key, String json) {
    return onePass.read(key, json).orElseGet(() -> decodeTrees(key, json));
  }

  private Session decodeTrees(String key, String json) {
    SessionState state = read(key, json);
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
    Object sessionData = sessionData(key, state.session());
    Optional<Scene<?>> scene = Optional.ofNullable(state.scene()).flatMap(bot::scene);
    Jobs jobs = state.toJobs();
    if (state.scene() != null && scene.isEmpty()) {
      LOG.warn("session {}: stored scene '{}' is not part of bot '{}'; the session returns to the root",
          key, state.scene(), bot.name());
      return atRoot(sessionData, List.of(), jobs, state);
    }
    if (scene.isEmpty()) {
      return atRoot(sessionData, state.history(), jobs, state);
    }
    Optional<?> typed = convert(key, state.data(), scene.get().dataType());
    if (typed.isEmpty()) {
      return atRoot(sessionData, List.of(), jobs, state);
    }
    Object data = typed.get();
    return new Session(scene.get(), step(key, scene.get(), state.step()), data, sessionData,
        state.history(), jobs, state.user(), state.chat());
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
  private record Written(String scene, String step, Object data, Object session,
      List<SessionState.HistoryEntry> history, List<ScheduledJob> jobs, Long seq, Long user, Long chat,
      String campaign, Set<String> reached) {}

  String encode(Session session) {
    Written state = new Written(
        session.scene().map(Scene::id).orElse(null), session.step, session.data,
        session.sessionData, session.history,
        session.jobs.stored(), session.jobs.storedSeq(), session.user, session.chat,
        session.campaign, session.campaign == null ? null : session.reached);
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

  <T> Optional<T> convert(String key, JsonNode node, Class<T> type) {
    try {
      return Optional.ofNullable(mapper.treeToValue(node == null ? mapper.nullNode() : node, type))
          .filter(type::isInstance);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      LOG.warn("session {}: stored data does not fit {} ({}); the session returns to the root", key,
          type.getName(), e.getMessage());
      return Optional.empty();
    }
  }

  private Object sessionData(String key, JsonNode node) {
    Optional<Class<?>> type = bot.sessionDataType();
    if (type.isEmpty()) {
      return null;
    }
    if (node == null || node.isNull()) {
      return bot.newSessionData().orElse(null);
    }
    return convert(key, node, type.get()).map(Object.class::cast)
        .orElseGet(() -> bot.newSessionData().orElse(null));
  }

  private SessionState read(String key, String json) {
    try {
      return mapper.readValue(json, SessionState.class);
    } catch (JsonProcessingException e) {
      LOG.warn("session {}: stored session is not readable ({}); starting over at the root", key,
          e.getOriginalMessage());
      return new SessionState(null, null, null, null, List.of(), null, null, null, null, null, null, null);
    }
  }
}
