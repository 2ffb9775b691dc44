package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads stored session JSON straight into the author's types in one pass, without the JSON trees
 * of {@link SessionState}; possible because {@link SessionCodec#encode} writes the scene id before
 * the scene data. It takes only the plain case: anything else (unreadable JSON, an unknown scene,
 * data before its scene, data or session data that does not fit its type) gives empty, and the
 * caller reads the tree form, which handles and logs each of those. Data stored at another version
 * than this deploy's is not the plain case either: the tree form migrates it. Thread-safe.
 */
final class OnePassSessionReader {
  private static final TypeReference<List<SessionState.HistoryEntry>> HISTORY = new TypeReference<>() {};
  private static final TypeReference<List<ScheduledJob>> JOBS = new TypeReference<>() {};
  private static final TypeReference<List<String>> REACHED = new TypeReference<>() {};

  private final Bot bot;
  private final ObjectMapper mapper;
  private final VersionedData versioned;
  // Built once: reading through the mapper with a TypeReference resolved the generic type on
  // every session read, about 1 % of the bot's CPU in the steady survey. A reader keeps the
  // mapper's configuration as it was when built (the tree path reads the mapper as it is now): the
  // codec hands in its own copy, configured before this reader is built and never after.
  private final ObjectReader history;
  private final ObjectReader jobs;
  private final ObjectReader reached;

  OnePassSessionReader(Bot bot, ObjectMapper mapper, VersionedData versioned) {
    this.bot = bot;
    this.mapper = mapper;
    this.versioned = versioned;
    this.history = mapper.readerFor(HISTORY);
    this.jobs = mapper.readerFor(JOBS);
    this.reached = mapper.readerFor(REACHED);
  }

  /** The session {@code json} holds, or empty when it is not the plain case. */
  Optional<Session> read(String key, String json) {
    try (JsonParser parser = mapper.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      Draft draft = new Draft();
      Set<String> seen = new HashSet<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        // A repeated field is not what encode writes; the tree path decides which one wins.
        if (!seen.add(field)) {
          return Optional.empty();
        }
        if (parser.nextToken() != JsonToken.VALUE_NULL && !take(draft, field, parser)) {
          return Optional.empty();
        }
      }
      return draft.session(key, bot);
    } catch (IOException | RuntimeException e) {
      // Anything unexpected is left to the tree path, which resets what it cannot read and logs it.
      return Optional.empty();
    }
  }

  /** Reads the non-null value of {@code field} into {@code draft}; false when it is not the plain case. */
  private boolean take(Draft draft, String field, JsonParser parser) throws IOException {
    switch (field) {
      case "scene" -> {
        draft.scene = parser.currentToken() == JsonToken.VALUE_STRING
            ? bot.scene(parser.getText()).orElse(null) : null;
        return draft.scene != null;
      }
      case "step" -> {
        draft.step = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
        return draft.step != null;
      }
      case "dv" -> {
        // Encode writes the version before the data; after it, the data was read at the wrong one.
        draft.dataVersion = parser.getIntValue();
        return draft.data == null;
      }
      case "data" -> {
        boolean current = draft.scene != null && draft.dataVersion == draft.scene.dataVersions().version();
        draft.data = current ? typed(parser, draft.scene.dataType()) : null;
        return draft.data != null;
      }
      case "sv" -> {
        draft.sessionVersion = parser.getIntValue();
        return !draft.sessionSeen;
      }
      case "session" -> {
        draft.sessionSeen = true;
        Optional<Class<?>> type = bot.sessionDataType();
        if (type.isEmpty()) {
          parser.skipChildren();
          return true;
        }
        if (draft.sessionVersion != bot.sessionDataVersions().version()) {
          return false;
        }
        draft.sessionData = typed(parser, type.get());
        return draft.sessionData != null;
      }
      case "history" -> {
        List<SessionState.HistoryEntry> entries = history.readValue(parser);
        if (entries.contains(null)) {
          return false;
        }
        draft.history = entries;
      }
      case "deadline" -> draft.deadline = Instant.ofEpochMilli(parser.getLongValue());
      case "jobs" -> {
        List<ScheduledJob> scheduled = jobs.readValue(parser);
        if (scheduled.contains(null)) {
          return false;
        }
        draft.jobs = scheduled;
      }
      case "seq" -> draft.seq = parser.getLongValue();
      case "user" -> draft.user = parser.getLongValue();
      case "chat" -> draft.chat = parser.getLongValue();
      case "campaign" -> draft.campaign = parser.getValueAsString();
      case "reached" -> draft.reached = reached.readValue(parser);
      case "x" -> {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
          return false;
        }
        draft.extras = mapper.readTree(parser);
      }
      default -> parser.skipChildren();
    }
    return true;
  }

  /** The value at the parser as {@code type}, bound strictly, or null when it is not one. */
  private Object typed(JsonParser parser, Class<?> type) throws IOException {
    Object value = versioned.strict(type).readValue(parser);
    return type.isInstance(value) ? value : null;
  }

  /** The fields read so far. */
  private static final class Draft {
    Scene<?> scene;
    String step;
    Object data;
    int dataVersion = 1;
    Object sessionData;
    int sessionVersion = 1;
    boolean sessionSeen;
    List<SessionState.HistoryEntry> history = List.of();
    Instant deadline;
    List<ScheduledJob> jobs = List.of();
    long seq;
    Long user;
    Long chat;
    String campaign;
    List<String> reached = List.of();
    ObjectNode extras;

    Optional<Session> session(String key, Bot bot) {
      // Not reached.contains(null): the default List.of() throws on it, which sent every session
      // without a campaign down the tree path.
      for (String point : reached) {
        if (point == null) {
          return Optional.empty();
        }
      }
      return placed(key, bot).map(session -> SessionCodec.attributed(session, campaign, reached));
    }

    private Optional<Session> placed(String key, Bot bot) {
      if (scene != null && data == null) {
        return Optional.empty();
      }
      if (!sessionSeen && bot.sessionDataType().isPresent()) {
        sessionData = bot.newSessionData().orElse(null);
      }
      Jobs restored = new Jobs(jobs, seq);
      if (deadline != null && restored.get(Jobs.TIMEOUT).isEmpty()) {
        restored.put(Jobs.TIMEOUT, deadline, null);
      }
      Session session;
      if (scene == null) {
        restored.remove(Jobs.TIMEOUT);
        restored.remove(Jobs.STEP_TIMEOUT);
        session = new Session(null, null, null, sessionData, history, restored, user, chat);
      } else {
        session = new Session(scene, SessionCodec.step(key, scene, step), data, sessionData, history,
            restored, user, chat);
      }
      if (extras != null) {
        session.extras = extras;
      }
      return Optional.of(session);
    }
  }
}
