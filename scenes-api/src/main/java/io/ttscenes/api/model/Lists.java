package io.ttscenes.api.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies collections for the model's records. Inbound data must always parse, so a missing list
 * becomes empty and null elements the server might send are dropped instead of throwing.
 */
final class Lists {
  private Lists() {}

  static <T> List<T> copy(List<T> list) {
    if (list == null) {
      return Collections.emptyList();
    }
    // A loop rather than a stream: models are built per update, and streams cost much more
    // before the JIT has compiled them. Unmodifiable, and contains(null) answers false (so no
    // List.of() for none: it throws on contains(null)).
    Object[] kept = new Object[list.size()];
    int count = 0;
    for (T element : list) {
      if (element != null) {
        kept[count++] = element;
      }
    }
    if (count == 0) {
      return Collections.emptyList();
    }
    @SuppressWarnings("unchecked")
    List<T> copy = (List<T>) Arrays.asList(count == kept.length ? kept : Arrays.copyOf(kept, count));
    return Collections.unmodifiableList(copy);
  }

  static <T> List<List<T>> rows(List<List<T>> rows) {
    if (rows == null) {
      return Collections.emptyList();
    }
    // A loop, not a stream: every keyboard the bot sends is copied through here.
    List<List<T>> copied = new ArrayList<>(rows.size());
    for (List<T> row : rows) {
      if (row != null) {
        copied.add(copy(row));
      }
    }
    return Collections.unmodifiableList(copied);
  }

  /** An unmodifiable copy that keeps insertion order and null values (raw JSON may hold nulls). */
  static <K, V> Map<K, V> map(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
