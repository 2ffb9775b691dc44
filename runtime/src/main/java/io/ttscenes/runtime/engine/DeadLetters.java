package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.store.DeadLetter;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoreRejectedException;
import io.ttscenes.api.store.StoreUnavailableException;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what the runtime gives up on in the store, counts it and logs it: without the content (a
 * user's text, contact or location) unless content logging was switched on for debugging, since
 * the store keeps the content for an operator to list and replay. Thread-safe.
 */
final class DeadLetters {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
  // An unreadable body is kept up to this many chars: enough to see what it was, bounded per letter.
  static final int UNREADABLE_KEPT = 65_536;

  private final SessionStore store;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final RuntimeListener listener;
  private final boolean logContent;

  DeadLetters(SessionStore store, ObjectMapper mapper, Clock clock, RuntimeListener listener, boolean logContent) {
    this.store = store;
    this.mapper = mapper;
    this.clock = clock;
    this.listener = listener;
    this.logContent = logContent;
  }

  /** An update given up after failing too often; kept (best effort), counted and logged. */
  void update(Update update, String error) {
    String json;
    try {
      json = mapper.writeValueAsString(update);
    } catch (JsonProcessingException e) {
      json = update.toString();
    }
    listener.updateDeadLettered(update.updateType());
    keep(DeadLetter.Kind.UPDATE, "", "update " + update.updateType(), error, json);
  }

  /** A request body that is no update; kept (bounded, best effort), counted and logged. */
  void unreadable(String type, String body, String error) {
    listener.updateDeadLettered(type);
    String kept = body.length() <= UNREADABLE_KEPT ? body : body.substring(0, UNREADABLE_KEPT);
    keep(DeadLetter.Kind.UNREADABLE, "", "unreadable body of " + body.length() + " chars", error, kept);
  }

  /**
   * A reply of session {@code key} whose sending was given up; {@code json} is its unsent calls.
   * Returns whether the store kept it (or cannot keep dead letters at all): false means the store
   * failed and the caller should keep the reply and try again later.
   */
  boolean reply(String key, String entryId, String json, String error) {
    if (!keep(DeadLetter.Kind.REPLY, key, "reply " + entryId + " of session " + key, error, json)) {
      return false;
    }
    listener.replyDeadLettered();
    return true;
  }

  private boolean keep(DeadLetter.Kind kind, String session, String what, String error, String content) {
    DeadLetter letter = new DeadLetter(UUID.randomUUID().toString(), clock.instant(), kind, session, error, content);
    String detail = logContent ? "; content: " + content : "";
    try {
      store.addDeadLetter(letter);
      LOG.error("{} is dead-lettered as {} ({}){}", what, letter.id(), error, detail);
      return true;
    } catch (UnsupportedOperationException e) {
      LOG.error("{} is dropped: {} ({}){}", what, e.getMessage(), error, detail);
      return true;
    } catch (StoreUnavailableException | StoreRejectedException e) {
      LOG.error("{} could not be dead-lettered: the store failed ({}); ({}){}", what, e.getMessage(), error, detail);
      return false;
    }
  }
}
