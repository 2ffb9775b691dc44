package io.ttscenes.benchmarks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The update queue behind {@code GET /updates}, with the Bot API's marker semantics: every
 * released update gets the next sequence number; a request with marker {@code m} commits (drops)
 * the updates numbered below {@code m} and returns up to {@code limit} of the rest, or waits up
 * to its timeout for one to be released; the answer's marker is one past the last update given.
 * Thread-safe; a release wakes a waiting request at once.
 */
final class UpdateFeed {
  /** What one poll returns: the updates' JSON in order and the marker for the next poll. */
  record Batch(List<String> updates, long marker) {}

  private record Released(long seq, String json) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition released = lock.newCondition();
  private final ArrayDeque<Released> pending = new ArrayDeque<>();
  private long nextSeq = 1;

  /** Appends {@code updates} in order and wakes any waiting poll. */
  void release(List<String> updates) {
    lock.lock();
    try {
      for (String json : updates) {
        pending.addLast(new Released(nextSeq++, json));
      }
      released.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Commits the updates below {@code marker} (when given), then returns up to {@code limit}
   * pending ones, waiting up to {@code timeoutMillis} while there are none.
   */
  Batch poll(Long marker, int limit, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    lock.lock();
    try {
      if (marker != null) {
        while (!pending.isEmpty() && pending.peekFirst().seq() < marker) {
          pending.removeFirst();
        }
      }
      long from = marker == null ? 0 : marker;
      long left = deadline - System.nanoTime();
      while (!hasFrom(from) && left > 0) {
        left = released.awaitNanos(left);
      }
      return take(from, limit);
    } finally {
      lock.unlock();
    }
  }

  private boolean hasFrom(long from) {
    return !pending.isEmpty() && pending.peekLast().seq() >= from;
  }

  private Batch take(long from, int limit) {
    List<String> out = new ArrayList<>(Math.min(limit, pending.size()));
    long last = Math.max(from, 1) - 1;
    for (Released update : pending) {
      if (out.size() == limit) {
        break;
      }
      if (update.seq() >= from) {
        out.add(update.json());
        last = update.seq();
      }
    }
    return new Batch(out, last + 1);
  }
}
