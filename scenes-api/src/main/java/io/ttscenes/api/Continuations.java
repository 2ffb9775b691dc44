package io.ttscenes.api;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The reserved handler names under which {@code onSent}/{@code onSendFailed} handlers are kept
 * beside scheduled jobs' handlers ({@code ttscenes.} names, which no job may have), so both are
 * looked up in the same order.
 */
final class Continuations {
  private static final String SENT = "ttscenes.sent:";
  private static final String FAILED = "ttscenes.send-failed:";

  private Continuations() {}

  static String sentKey(String name) {
    return SENT + Context.checkContinuationName(name);
  }

  static String failedKey(String name) {
    return FAILED + Context.checkContinuationName(name);
  }

  /** The key of the {@code onSent} ({@code sent} true) or {@code onSendFailed} handler of {@code name}. */
  static String key(boolean sent, String name) {
    return sent ? sentKey(name) : failedKey(name);
  }

  /** The continuation handlers' keys among {@code keys} (handler names of one route set). */
  static Set<String> keys(Collection<String> keys) {
    Set<String> found = new LinkedHashSet<>();
    for (String key : keys) {
      if (key.startsWith(SENT) || key.startsWith(FAILED)) {
        found.add(key);
      }
    }
    return found;
  }
}
