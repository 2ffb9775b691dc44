package io.ttscenes.runtime.engine;

import java.util.Objects;

/**
 * The id of an outbox entry: the session version its commit wrote and the dedupe id of the event
 * that committed it. Stored as {@code <version>:<updateId>} ({@link #toString()}), so the entries of
 * one session sort into commit order by their version.
 */
record OutboxId(long version, DedupeId updateId) {
  OutboxId {
    Objects.requireNonNull(updateId, "updateId");
    if (version < 1) {
      throw new IllegalArgumentException("outbox version " + version + " is not a committed version");
    }
  }

  /**
   * Reads a stored id back; an id whose version does not read as a number (written by something
   * else) sorts after every readable one, so it waits behind them.
   */
  static long versionOf(String stored) {
    int colon = stored.indexOf(':');
    try {
      return Long.parseLong(colon < 0 ? stored : stored.substring(0, colon));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public String toString() {
    return version + ":" + updateId;
  }
}
