package io.ttscenes.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Fault injection for the Bot API paths: the next N calls to a path (any method, query ignored,
 * for example {@code "/messages"}) answer 429 or 503, or are delayed. Faults queued for one path
 * are used in the order they were added. {@link #failShare} fails a share of every call at random
 * on top of those, for a whole run. Thread-safe.
 */
public final class Faults {
  private final Map<String, Deque<Fault>> byPath = new HashMap<>();
  private Random random;
  private double share;
  private Duration slowFor = Duration.ZERO;
  private long injected;
  private long calls;

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

  /**
   * From now on, each Bot API call that no queued fault takes fails with probability
   * {@code share} (drawn from a {@link Random} seeded with {@code seed}), without reaching the
   * route: half of those answer 503 at once, the other half after being held for
   * {@code slowFor} (a gateway that timed out), so a client with a shorter read timeout sees a
   * timeout. Throws {@link IllegalArgumentException} for a share outside [0, 1) or a negative hold.
   */
  public synchronized Faults failShare(double share, Duration slowFor, long seed) {
    if (!(share >= 0 && share < 1)) {
      throw new IllegalArgumentException("share is " + share + "; it must be in [0, 1)");
    }
    if (slowFor.isNegative()) {
      throw new IllegalArgumentException("slowFor is " + slowFor + "; it must not be negative");
    }
    this.random = new Random(seed);
    this.share = share;
    this.slowFor = slowFor;
    return this;
  }

  /** How many calls failed or were held by an injected fault so far, queued or at random. */
  public synchronized long injected() {
    return injected;
  }

  /** How many Bot API calls (with a valid token) came to the fault check so far, failed or not. */
  public synchronized long calls() {
    return calls;
  }

  /** How many faults injected for {@code path} are not used yet: a test sees a call arrive when it drops. */
  public synchronized int pending(String path) {
    Deque<Fault> queue = byPath.get(path);
    return queue == null ? 0 : queue.size();
  }

  /** Drops every fault not used yet. */
  public synchronized void clear() {
    byPath.clear();
    random = null;
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
    calls++;
    Deque<Fault> queue = byPath.get(path);
    Optional<Fault> fault = queue == null ? Optional.empty() : Optional.ofNullable(queue.poll());
    if (fault.isEmpty() && random != null && random.nextDouble() < share) {
      fault = Optional.of(new Fault(503, Duration.ZERO, random.nextBoolean() ? slowFor : Duration.ZERO));
    }
    fault.ifPresent(f -> injected++);
    return fault;
  }
}
