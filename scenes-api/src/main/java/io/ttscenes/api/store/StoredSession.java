package io.ttscenes.api.store;

import java.util.List;
import java.util.Objects;

/**
 * One session as stored: its version (starts at 1, grows by one with every commit), the data the
 * engine wrote (opaque to the store; JSON in practice) and the ids of its most recent updates,
 * oldest first: those of the last {@link SessionStore#RECENT_UPDATE_WINDOW}, at least the last
 * {@link SessionStore#RECENT_UPDATE_IDS}, at most {@link SessionStore#RECENT_UPDATE_IDS_CAP}.
 */
public record StoredSession(long version, String data, List<String> recentUpdateIds) {
  public StoredSession {
    if (version < 1) {
      throw new IllegalArgumentException("version is " + version + "; stored sessions start at 1");
    }
    Objects.requireNonNull(data, "data");
    recentUpdateIds = List.copyOf(recentUpdateIds);
  }

  /** Returns whether this session already committed the update with {@code updateId}. */
  public boolean hasSeen(String updateId) {
    return recentUpdateIds.contains(updateId);
  }
}
