package io.ttscenes.api;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing and checks behind {@link SessionRef}. */
final class SessionRefs {
  private static final Pattern USER_IN_CHAT = Pattern.compile("u:(-?\\d+):c:(-?\\d+)");
  private static final Pattern USER = Pattern.compile("u:(-?\\d+)");
  private static final Pattern CHAT = Pattern.compile("c:(-?\\d+)");

  private SessionRefs() {}

  static SessionRef parse(String key) {
    Objects.requireNonNull(key, "key");
    try {
      Matcher m = USER_IN_CHAT.matcher(key);
      if (m.matches()) {
        return SessionRef.userInChat(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
      }
      m = USER.matcher(key);
      if (m.matches()) {
        return SessionRef.user(Long.parseLong(m.group(1)));
      }
      m = CHAT.matcher(key);
      if (m.matches()) {
        return SessionRef.chat(Long.parseLong(m.group(1)));
      }
    } catch (NumberFormatException outOfRange) {
      // A number beyond long is no built-in key: kept as a custom one.
      return new SessionRef.Custom(key);
    }
    if (key.startsWith("cs:") && key.length() > 3) {
      return SessionRef.constructor(key.substring(3));
    }
    if (key.startsWith("n:") && key.length() > 2 && fits(key.substring(2))) {
      return SessionRef.named(key.substring(2));
    }
    return new SessionRef.Custom(key);
  }

  static void checkText(String what, String value) {
    Objects.requireNonNull(value, what);
    if (!fits(value)) {
      throw new IllegalArgumentException(what + " '" + value + "' is not allowed: it must be 1-"
          + SessionRef.MAX_NAME_LENGTH + " characters without control characters");
    }
  }

  private static boolean fits(String value) {
    int length = value.codePointCount(0, value.length());
    return length >= 1 && length <= SessionRef.MAX_NAME_LENGTH
        && value.codePoints().noneMatch(Character::isISOControl);
  }
}
