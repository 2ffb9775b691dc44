package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.store.DeadLetter;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoreRejectedException;
import io.ttscenes.api.store.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
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
    keep(letter(DeadLetter.Kind.UPDATE, "", error, json), "update " + update.updateType());
  }

  /**
   * A request body that is no update; kept (bounded, best effort), counted and logged once: its
   * letter's id is drawn from the body, so a second instance that read the same page (an old
   * poller and the new one after a lease change, or a webhook retry) finds it kept and adds
   * nothing.
   */
  void unreadable(String type, String body, String error) {
    String kept = body.length() <= UNREADABLE_KEPT ? body : body.substring(0, UNREADABLE_KEPT);
    String what = "unreadable body of " + body.length() + " chars";
    DeadLetter letter = new DeadLetter(unreadableId(type, body), clock.instant(), DeadLetter.Kind.UNREADABLE, "",
        error, kept);
    if (keep(letter, what) != Kept.ALREADY) {
      listener.updateDeadLettered(type);
    }
  }

  /** The id of the letter of an unreadable body: the same body of the same type, the same id. */
  static String unreadableId(String type, String body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(type.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(body.getBytes(StandardCharsets.UTF_8));
      return "unreadable-" + HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * A reply of session {@code key} whose sending was given up; {@code json} is its unsent calls.
   * Returns whether the store kept it (or cannot keep dead letters at all): false means the store
   * failed and the caller should keep the reply and try again later.
   */
  boolean reply(String key, String entryId, String json, String error) {
    if (keep(letter(DeadLetter.Kind.REPLY, key, error, json), "reply " + entryId + " of session " + key)
        == Kept.FAILED) {
      return false;
    }
    listener.replyDeadLettered();
    return true;
  }

  private DeadLetter letter(DeadLetter.Kind kind, String session, String error, String content) {
    return new DeadLetter(UUID.randomUUID().toString(), clock.instant(), kind, session, error, content);
  }

  /** What became of a letter: kept now, kept already (by another instance), dropped, or the store failed. */
  private enum Kept { NOW, ALREADY, DROPPED, FAILED }

  private Kept keep(DeadLetter letter, String what) {
    String detail = logContent ? "; content: " + letter.payload() : "";
    try {
      if (!store.addDeadLetter(letter)) {
        LOG.info("{} is dead-lettered as {} already (by this or another instance)", what, letter.id());
        return Kept.ALREADY;
      }
      LOG.error("{} is dead-lettered as {} ({}){}", what, letter.id(), letter.error(), detail);
      return Kept.NOW;
    } catch (UnsupportedOperationException e) {
      LOG.error("{} is dropped: {} ({}){}", what, e.getMessage(), letter.error(), detail);
      return Kept.DROPPED;
    } catch (StoreUnavailableException | StoreRejectedException e) {
      LOG.error("{} could not be dead-lettered: the store failed ({}); ({}){}", what, e.getMessage(),
          letter.error(), detail);
      return Kept.FAILED;
    }
  }
}
