package io.ttscenes.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Fault injection for the Bot API paths: the next N calls to a path (any method, query ignored,
 * for example {@code "/messages"}) answer 429 or 503, or are delayed. Faults queued for one path
 * are used in the order they were added. Thread-safe.
 */
public final class Faults {
  private final Map<String, Deque<Fault>> byPath = new HashMap<>();

  Faults() {}

  /** One injected fault; a delay lets the call proceed normally afterwards. */
  record Fault(int status, Duration retryAfter, Duration delay) {}

  /** The next {@code times} calls to {@code path} answer 429 with a {@code Retry-After} header. */
  public Faults tooManyRequests(String path, int times, Duration retryAfter) {
    return add(path, times, new Fault(429, retryAfter, Duration.ZERO));
  }

  /** The next {@code times} calls to {@code path} answer 503. */
  public Faults unavailable(String path, int times) {
    return add(path, times, new Fault(503, Duration.ZERO, Duration.ZERO));
  }

  /** The next {@code times} calls to {@code path} are held for {@code delay}, then served. */
  public Faults delay(String path, int times, Duration delay) {
    return add(path, times, new Fault(0, Duration.ZERO, delay));
  }

  /** How many faults injected for {@code path} are not used yet: a test sees a call arrive when it drops. */
  public synchronized int pending(String path) {
    Deque<Fault> queue = byPath.get(path);
    return queue == null ? 0 : queue.size();
  }

  /** Drops every fault not used yet. */
  public synchronized void clear() {
    byPath.clear();
  }

  private synchronized Faults add(String path, int times, Fault fault) {
    if (times < 1) {
      throw new IllegalArgumentException("times is " + times + "; it must be at least 1");
    }
    Deque<Fault> queue = byPath.computeIfAbsent(path, p -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.add(fault);
    }
    return this;
  }

  synchronized Optional<Fault> take(String path) {
    Deque<Fault> queue = byPath.get(path);
    return queue == null ? Optional.empty() : Optional.ofNullable(queue.poll());
  }
}
