package io.ttscenes.storage.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * How update ids are kept in the session hash's {@code u} field, joined by line breaks: an id
 * that contains a line break (or starts with the marker) is stored as the marker followed by its
 * Base64url form, so any id the in-memory store accepts works on Redis too. Other ids are stored
 * as they are, which keeps existing data readable.
 */
final class UpdateIds {
  private static final char MARKER = '\u0001';

  private UpdateIds() {}

  static String encode(String id) {
    if (id.indexOf('\n') < 0 && (id.isEmpty() || id.charAt(0) != MARKER)) {
      return id;
    }
    return MARKER + Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
  }

  static String decode(String stored) {
    if (stored.isEmpty() || stored.charAt(0) != MARKER) {
      return stored;
    }
    return new String(Base64.getUrlDecoder().decode(stored.substring(1)), StandardCharsets.UTF_8);
  }

  /** Splits the {@code u} field (null or empty: none) into the original ids. */
  static List<String> split(String joined) {
    if (joined == null || joined.isEmpty()) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (String stored : joined.split("\n")) {
      ids.add(decode(stored));
    }
    return ids;
  }
}
