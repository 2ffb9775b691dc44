package io.ttscenes.api.store;

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
   * not the expected one. The caller reloads and runs again.
   */
  record Conflict(long currentVersion) implements CommitResult {}
}
