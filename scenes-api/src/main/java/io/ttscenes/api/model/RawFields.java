package io.ttscenes.api.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads fields out of the raw JSON objects kept by the {@code Unknown*} variants. The raw form is
 * what a JSON library produces for untyped data: maps, lists, strings, numbers, booleans, nulls.
 */
final class RawFields {
  private RawFields() {}

  /** A deep, unmodifiable copy that keeps field order and nulls; null becomes an empty map. */
  static Map<String, Object> freeze(Map<String, Object> raw) {
    if (raw == null) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    raw.forEach((key, value) -> copy.put(key, freezeValue(value)));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static Object freezeValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      return freeze((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(freezeValue(item)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  static Optional<String> string(Map<String, Object> raw, String key) {
    return raw.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  static Optional<Long> number(Map<String, Object> raw, String key) {
    return raw.get(key) instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
  }

  static Optional<Boolean> bool(Map<String, Object> raw, String key) {
    return raw.get(key) instanceof Boolean b ? Optional.of(b) : Optional.empty();
  }

  @SuppressWarnings("unchecked")
  static Optional<Map<String, Object>> object(Map<String, Object> raw, String key) {
    return raw.get(key) instanceof Map<?, ?> map
        ? Optional.of((Map<String, Object>) map)
        : Optional.empty();
  }

  /** A {@link User} built from the object under {@code key}, if it has at least a user id. */
  static Optional<User> user(Map<String, Object> raw, String key) {
    return object(raw, key).flatMap(RawFields::user);
  }

  private static Optional<User> user(Map<String, Object> u) {
    return number(u, "user_id").map(id -> new User(
        id,
        string(u, "name").orElse(null),
        string(u, "username").orElse(null),
        bool(u, "is_bot").orElse(false),
        number(u, "last_activity_time").orElse(0L)));
  }
}
