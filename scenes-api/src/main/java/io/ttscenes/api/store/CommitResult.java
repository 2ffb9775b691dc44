package io.ttscenes.api.store;

/** What a {@link SessionStore#commit} did: either it wrote, or another writer was first. */
public sealed interface CommitResult {

  /** The commit was written; the session now has {@code version}. */
  record Committed(long version) implements CommitResult {}

  /**
   * Nothing was written: the session's version is {@code currentVersion} (0: it does not exist),
   * not the expected one. The caller reloads and runs again.
   */
  record Conflict(long currentVersion) implements CommitResult {}
}
