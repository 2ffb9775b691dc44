package io.ttscenes.runtime.store;

import io.ttscenes.api.store.SessionStore;
import java.util.Arrays;
import java.util.List;

/**
 * A session's recent update ids, oldest first, with the ticker time each was committed at: the
 * dedupe window of the in-memory store, trimmed as the Redis commit script trims it (see
 * {@link SessionStore#RECENT_UPDATE_WINDOW}). Immutable.
 */
record RecentIds(List<String> ids, long[] nanos, boolean capped) {
  static final RecentIds NONE = new RecentIds(List.of(), new long[0], false);

  /** These ids plus {@code id} committed at {@code now}, trimmed by age, floor and cap. */
  RecentIds plus(String id, long now) {
    int size = ids.size() + 1;
    int first = Math.max(0, size - SessionStore.RECENT_UPDATE_IDS_CAP);
    long cutoff = now - SessionStore.RECENT_UPDATE_WINDOW.toNanos();
    while (size - first > SessionStore.RECENT_UPDATE_IDS && nanos[first] - cutoff < 0) {
      first++;
    }
    String[] keptIds = new String[size - first];
    long[] keptNanos = new long[size - first];
    for (int i = first; i < size - 1; i++) {
      keptIds[i - first] = ids.get(i);
      keptNanos[i - first] = nanos[i];
    }
    keptIds[size - 1 - first] = id;
    keptNanos[size - 1 - first] = now;
    return new RecentIds(List.of(keptIds), keptNanos, size > SessionStore.RECENT_UPDATE_IDS_CAP);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecentIds that && ids.equals(that.ids) && Arrays.equals(nanos, that.nanos)
        && capped == that.capped;
  }

  @Override
  public int hashCode() {
    return ids.hashCode() * 31 + Arrays.hashCode(nanos);
  }

  @Override
  public String toString() {
    return "RecentIds" + ids;
  }
}
