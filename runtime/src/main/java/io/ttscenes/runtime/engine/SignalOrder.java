package io.ttscenes.runtime.engine;

/**
 * Where a signal (or a continuation's outcome) stands among those of its sender: {@code commit}
 * the sender's session version its commit wrote, {@code index} the effect's index in that commit's
 * outbox. Set when the commit is planned (with the effect's id, also in every re-run and kept in
 * the outbox, so a resend or recovery delivers the same order), written into the inbox entry, and
 * compared by the target's engine: of the signals one sender has waiting in a target's inbox, the
 * lowest order is handled first, whatever their delivery times and ids. A sender's versions start
 * over only when its session expired and was made anew.
 */
record SignalOrder(long commit, int index) implements Comparable<SignalOrder> {
  SignalOrder {
    if (commit < 1) {
      throw new IllegalArgumentException("signal order commit " + commit + " is not positive");
    }
    if (index < 0) {
      throw new IllegalArgumentException("signal order index " + index + " is negative");
    }
  }

  @Override
  public int compareTo(SignalOrder other) {
    int byCommit = Long.compare(commit, other.commit);
    return byCommit != 0 ? byCommit : Integer.compare(index, other.index);
  }
}
