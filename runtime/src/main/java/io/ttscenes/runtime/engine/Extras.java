package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reads and writes the authoring blocks' part of a session ({@link Session#extras}): the screen
 * stamp typed buttons carry, payloads kept behind short ids, the locale, a prompt's failed
 * attempts. Short field names: they are stored with every such session.
 */
final class Extras {
  /** Payloads kept per screen: an older one is dropped (its button then answers as expired). */
  static final int MAX_KEPT_PAYLOADS = 64;

  /** First stamps are drawn from this many (five base-36 digits), far from overflowing as screens pass. */
  private static final int FIRST_SCREENS = 36 * 36 * 36 * 36 * 36;

  private static final String SCREEN = "s";
  private static final String KEPT = "p";
  private static final String NEXT_ID = "n";
  private static final String LOCALE = "l";
  private static final String LOCALE_CHOSEN = "lc";
  private static final String ATTEMPTS = "a";

  private Extras() {}

  static int screen(ObjectNode extras) {
    return extras.path(SCREEN).asInt(0);
  }

  /**
   * The screen stamp for a new typed button; from now on transitions move it on. The first stamp
   * is random: a session that expired and started again must not take its old buttons for current.
   */
  static int stamp(ObjectNode extras) {
    if (!extras.has(SCREEN)) {
      extras.put(SCREEN, ThreadLocalRandom.current().nextInt(FIRST_SCREENS));
    }
    return screen(extras);
  }

  /**
   * Starts a new screen: every typed button made so far becomes stale, their kept payloads and
   * the prompt's failed attempts go.
   */
  static void newScreen(ObjectNode extras) {
    // Sessions that never made a typed button store no stamp: a plain bot's session stays as it was.
    if (extras.has(SCREEN)) {
      extras.put(SCREEN, screen(extras) + 1);
    }
    extras.remove(KEPT);
    extras.remove(NEXT_ID);
    extras.remove(ATTEMPTS);
  }

  /** Keeps {@code body} for this screen and returns its short id. */
  static String keep(ObjectNode extras, String body) {
    int id = extras.path(NEXT_ID).asInt(0);
    extras.put(NEXT_ID, id + 1);
    ObjectNode kept = extras.has(KEPT) ? (ObjectNode) extras.get(KEPT) : extras.putObject(KEPT);
    kept.put(Integer.toString(id, 36), body);
    if (kept.size() > MAX_KEPT_PAYLOADS) {
      Iterator<String> oldest = kept.fieldNames();
      oldest.next();
      oldest.remove();
    }
    return Integer.toString(id, 36);
  }

  static Optional<String> kept(ObjectNode extras, String id) {
    JsonNode body = extras.path(KEPT).get(id);
    return body == null || !body.isTextual() ? Optional.empty() : Optional.of(body.asText());
  }

  static Optional<String> locale(ObjectNode extras) {
    JsonNode tag = extras.get(LOCALE);
    return tag == null || !tag.isTextual() ? Optional.empty() : Optional.of(tag.asText());
  }

  /** Remembers the locale the user's client reports, unless the user chose one. */
  static void reportedLocale(ObjectNode extras, String tag) {
    if (!extras.path(LOCALE_CHOSEN).asBoolean(false) && !tag.equals(locale(extras).orElse(null))) {
      extras.put(LOCALE, tag);
    }
  }

  static void chosenLocale(ObjectNode extras, String tag) {
    extras.put(LOCALE, tag);
    extras.put(LOCALE_CHOSEN, true);
  }

  static int attempts(ObjectNode extras) {
    return extras.path(ATTEMPTS).asInt(0);
  }

  static void failedAttempt(ObjectNode extras) {
    extras.put(ATTEMPTS, attempts(extras) + 1);
  }
}
