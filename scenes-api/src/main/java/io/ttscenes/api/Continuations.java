package io.ttscenes.api;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
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

  /** The continuation names among {@code keys} (handler names of one route set). */
  static Set<String> names(Collection<String> keys) {
    Set<String> names = new LinkedHashSet<>();
    for (String key : keys) {
      name(key).ifPresent(names::add);
    }
    return names;
  }

  private static Optional<String> name(String key) {
    if (key.startsWith(SENT)) {
      return Optional.of(key.substring(SENT.length()));
    }
    return key.startsWith(FAILED) ? Optional.of(key.substring(FAILED.length())) : Optional.empty();
  }
}
