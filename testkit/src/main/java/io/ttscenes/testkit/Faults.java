package io.ttscenes.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Fault injection for the Bot API paths: the next N calls to a path (any method, query ignored,
 * for example {@code "/messages"}) answer 429 or 503, are refused for good with a 4xx, or are
 * delayed. Faults queued for one path
 * are used in the order they were added. {@link #failShare} fails a share of every call at random
 * on top of those, for a whole run. A path that no call can have (not starting with {@code /}, or
 * with a query) throws {@link IllegalArgumentException} and queues nothing. Thread-safe.
 */
public final class Faults {
  private final Map<String, Deque<Fault>> byPath = new HashMap<>();
  private Random random;
  private double share;
  private Duration slowFor = Duration.ZERO;
  private long injected;
  private long calls;

  Faults() {}

  /**
   * One injected fault: its status (0 for a delay, which lets the call proceed normally
   * afterwards), the API error it answers with, and its waits.
   */
  record Fault(int status, String code, String message, Duration retryAfter, Duration delay) {
    static Fault answering(int status, String code, String message) {
      return new Fault(status, code, message, Duration.ZERO, Duration.ZERO);
    }
  }

  /** The next {@code times} calls to {@code path} answer 429 with a {@code Retry-After} header. */
  public Faults tooManyRequests(String path, int times, Duration retryAfter) {
    return add(path, times, new Fault(429, "too.many.requests", "Too many requests", retryAfter, Duration.ZERO));
  }

  /** The next {@code times} calls to {@code path} answer 503. */
  public Faults unavailable(String path, int times) {
    return add(path, times, Fault.answering(503, "service.unavailable", "Service unavailable"));
  }

  /**
   * The next {@code times} calls to {@code path} are refused for good, as TamTam refuses a call it
   * will never take: status {@code status} with the API error {@code {"code": code, "message":
   * message}}, without reaching the route (nothing is sent). For example
   * {@code refuse("/messages", 1, 400, "proto.payload", "Unknown attachment type")}, or 403
   * {@code chat.denied} for a user who blocked the bot. Throws {@link IllegalArgumentException} for a
   * status outside 400..499 or 429 (see {@link #tooManyRequests}), a blank code, fewer than one
   * time or a path that is not a Bot API path (see the class comment), and
   * {@link NullPointerException} for a null argument; nothing is queued then.
   */
  public Faults refuse(String path, int times, int status, String code, String message) {
    return add(path, times, refusal(status, code, message, Duration.ZERO));
  }

  /**
   * As {@link #refuse}, each call held for {@code delay} first: a refusal that comes back late,
   * while the bot goes on with other things (the operator closes the ticket whose answer it
   * refuses, say). Throws as {@link #refuse} does, {@link IllegalArgumentException} for a
   * negative delay or one too long to count in milliseconds, and {@link NullPointerException}
   * for a null one; nothing is queued then. A hold longer than the bot's read timeout is no late
   * refusal: the bot gives up on the call first, and may send it again, unrefused.
   */
  public Faults refuseAfter(Duration delay, String path, int times, int status, String code, String message) {
    return add(path, times, refusal(status, code, message, hold("delay", delay)));
  }

  /**
   * Checks hold {@code value} (argument {@code name}): not null, not negative, and countable in
   * milliseconds, as the emulator holds a call ({@link Thread#sleep(long)}); a longer one would
   * fail the call with 500 when it comes, not hold it.
   */
  private static Duration hold(String name, Duration value) {
    if (Objects.requireNonNull(value, name).isNegative()) {
      throw new IllegalArgumentException(name + " is " + value + "; it must not be negative");
    }
    try {
      value.toMillis();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(name + " is " + value + "; it is too long to hold a call (at most "
          + Long.MAX_VALUE + " ms)");
    }
    return value;
  }

  private static Fault refusal(int status, String code, String message, Duration delay) {
    Objects.requireNonNull(message, "message");
    if (status < 400 || status > 499 || status == 429) {
      throw new IllegalArgumentException("status is " + status
          + "; it must be a 4xx other than 429 (tooManyRequests injects that)");
    }
    if (Objects.requireNonNull(code, "code").isBlank()) {
      throw new IllegalArgumentException("code is blank; the API always names its error");
    }
    return new Fault(status, code, message, Duration.ZERO, delay);
  }

  /**
   * The next {@code times} calls to {@code path} are held for {@code delay}, then served. Throws
   * {@link IllegalArgumentException} for a negative delay or one too long to count in
   * milliseconds, and {@link NullPointerException} for a null one; nothing is queued then.
   */
  public Faults delay(String path, int times, Duration delay) {
    return add(path, times, new Fault(0, "", "", Duration.ZERO, hold("delay", delay)));
  }

  /**
   * From now on, each Bot API call that no queued fault takes fails with probability
   * {@code share} (drawn from a {@link Random} seeded with {@code seed}), without reaching the
   * route: half of those answer 503 at once, the other half after being held for
   * {@code slowFor} (a gateway that timed out), so a client with a shorter read timeout sees a
   * timeout. Throws {@link IllegalArgumentException} for a share outside [0, 1) or a hold that is
   * negative or too long to count in milliseconds, and {@link NullPointerException} for a null one.
   */
  public synchronized Faults failShare(double share, Duration slowFor, long seed) {
    if (!(share >= 0 && share < 1)) {
      throw new IllegalArgumentException("share is " + share + "; it must be in [0, 1)");
    }
    hold("slowFor", slowFor);
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

  /** Drops every fault not used yet and stops {@link #failShare}; the counts stay. */
  public synchronized void clear() {
    byPath.clear();
    random = null;
  }

  private synchronized Faults add(String path, int times, Fault fault) {
    if (!Objects.requireNonNull(path, "path").startsWith("/") || path.contains("?") || path.contains("#")) {
      throw new IllegalArgumentException("path is '" + path + "'; it must be a Bot API path such as "
          + "/messages, starting with / and without a query, or no call would ever take the fault");
    }
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
      fault = Optional.of(new Fault(503, "service.unavailable", "Service unavailable", Duration.ZERO,
          random.nextBoolean() ? slowFor : Duration.ZERO));
    }
    fault.ifPresent(f -> injected++);
    return fault;
  }
}
