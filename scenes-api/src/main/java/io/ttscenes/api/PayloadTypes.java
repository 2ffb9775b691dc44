package io.ttscenes.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Indexes typed payload records by tag, reporting two types that claim one tag. */
final class PayloadTypes {
  private PayloadTypes() {}

  /** The types by tag; a clash is added to {@code problems} and the first type kept. */
  static Map<String, Class<?>> byTag(Set<Class<?>> types, List<String> problems) {
    Map<String, Class<?>> byTag = new LinkedHashMap<>();
    for (Class<?> type : types) {
      String tag = PayloadTag.of(type).tag();
      Class<?> earlier = byTag.putIfAbsent(tag, type);
      if (earlier != null && !earlier.equals(type)) {
        problems.add("payload tag '" + tag + "' is used by both " + earlier.getName() + " and "
            + type.getName() + "; give one a @PayloadType(tag = ...)");
      }
    }
    return Map.copyOf(byTag);
  }
}
