package io.ttscenes.api.store;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What the contract tests share: the store under test, the hooks an implementation fills in. */
public abstract class StoreContractBase {
  /** A TTL long enough that nothing expires during a test unless the test lets it. */
  protected static final Duration HOUR = Duration.ofHours(1);

  protected SessionStore store;

  /** Returns a new, empty store (a fresh key space for stores on shared servers). */
  protected abstract SessionStore newStore();

  /** The idle TTL the expiry tests use: short for real-time stores, anything for fake clocks. */
  protected abstract Duration expiryTtl();

  /** Lets {@code elapsed} pass for the store's clock; real-time stores do nothing here. */
  protected abstract void passTime(Duration elapsed);

  @BeforeEach
  final void openStore() {
    store = newStore();
  }

  @AfterEach
  final void closeStore() {
    store.close();
  }

  /** A commit without outbox, with a one-hour TTL. */
  protected static Commit commit(String key, long expected, String data, String updateId) {
    return new Commit(key, expected, data, Optional.empty(), updateId, HOUR);
  }

  /** A commit with one outbox entry, with a one-hour TTL. */
  protected static Commit commitWithOutbox(
      String key, long expected, String data, String updateId, OutboxEntry entry) {
    return new Commit(key, expected, data, Optional.of(entry), updateId, HOUR);
  }

  /**
   * Whether this store's refused commits carry the session they found ({@link
   * CommitResult.Conflict#current()}); a store that never does overrides this with false.
   */
  protected boolean refusalsCarryTheSession() {
    return true;
  }

  /**
   * Asserts that {@code result} refused a commit of {@code key} at {@code version} and carries the
   * session exactly as {@link SessionStore#loadLatest} reads it now (when this store carries it).
   */
  protected final void assertRefused(String key, long version, CommitResult result) {
    if (!(result instanceof CommitResult.Conflict conflict)) {
      throw new AssertionError("expected a refusal at version " + version + ", got " + result);
    }
    org.junit.jupiter.api.Assertions.assertEquals(version, conflict.currentVersion(), "current version");
    Optional<StoredSession> expected = refusalsCarryTheSession() ? store.loadLatest(key) : Optional.empty();
    org.junit.jupiter.api.Assertions.assertEquals(expected, conflict.current(), "the session the refusal carries");
  }

  /** Loads {@code key}, failing the test when it is absent. */
  protected final StoredSession loaded(String key) {
    return store.load(key).orElseThrow(() -> new AssertionError("no session stored for " + key));
  }
}
