package io.ttscenes.api.store;

import java.util.Objects;
import java.util.Optional;

/** What a {@link SessionStore#commit} did: either it wrote, or another writer was first. */
public sealed interface CommitResult {

  /**
   * The commit was written; the session now has {@code version}. {@code windowCapped}: the session's
   * recent update ids reached {@link SessionStore#RECENT_UPDATE_IDS_CAP}, so ids younger than
   * {@link SessionStore#RECENT_UPDATE_WINDOW} were dropped (a busy session's dedupe window shrank).
   */
  record Committed(long version, boolean windowCapped) implements CommitResult {
    /** A commit that kept every id of the window. */
    public Committed(long version) {
      this(version, false);
    }
  }

  /**
   * Nothing was written: the session's version is {@code currentVersion} (0: it does not exist),
   * not the expected one, or the chat data's version was not. {@code current}, when present, is
   * the session as the store held it when it refused (read in the same atomic step, so no older
   * than any load could return then); the caller runs again on it, or reloads when it is empty.
   */
  record Conflict(long currentVersion, Optional<StoredSession> current) implements CommitResult {
    public Conflict {
      Objects.requireNonNull(current, "current");
      if (current.isPresent() && current.get().version() != currentVersion) {
        throw new IllegalArgumentException("the carried session has version " + current.get().version()
            + ", not the current version " + currentVersion);
      }
    }

    /** A refusal that carries no session: the caller reloads. */
    public Conflict(long currentVersion) {
      this(currentVersion, Optional.empty());
    }
  }
}
