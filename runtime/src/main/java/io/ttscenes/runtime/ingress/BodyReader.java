package io.ttscenes.runtime.ingress;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a webhook request body within a deadline and a size cap. The JDK server reads bodies with
 * blocking reads and no timeout, so a client that announces a body and sends it slowly would hold
 * a handler thread for as long as it likes; here a watchdog closes the exchange (and with it the
 * connection, since no answer was sent yet) when the deadline passes, which ends the blocked read.
 */
final class BodyReader {
  private final ScheduledExecutorService watchdog;
  private final Duration timeout;
  private final int maxBytes;

  BodyReader(ScheduledExecutorService watchdog, Duration timeout, int maxBytes) {
    this.watchdog = watchdog;
    this.timeout = timeout;
    this.maxBytes = maxBytes;
  }

  /** What came of reading one body. */
  enum Status { READ, TOO_LARGE, TIMED_OUT }

  /** A body that was read whole ({@code bytes} empty otherwise). */
  record Body(Status status, byte[] bytes) {}

  /** Reading or answering that may block on the client. */
  @FunctionalInterface
  interface ClientIo<T> {
    T run() throws IOException;
  }

  int maxBytes() {
    return maxBytes;
  }

  /**
   * Reads the body of {@code exchange}: refuses a declared length over the cap without reading,
   * stops after cap + 1 bytes otherwise. On {@link Status#TIMED_OUT} the exchange is closed and
   * must not be answered. Throws {@link IOException} when the connection fails.
   */
  Body read(HttpExchange exchange) throws IOException {
    if (declaredLength(exchange) > maxBytes) {
      return new Body(Status.TOO_LARGE, new byte[0]);
    }
    Optional<byte[]> bytes = withinDeadline(exchange,
        () -> exchange.getRequestBody().readNBytes(maxBytes + 1));
    if (bytes.isEmpty()) {
      return new Body(Status.TIMED_OUT, new byte[0]);
    }
    return bytes.get().length > maxBytes ? new Body(Status.TOO_LARGE, new byte[0])
        : new Body(Status.READ, bytes.get());
  }

  /**
   * Runs {@code io} on {@code exchange} and returns its result, or empty when the body timeout
   * passed first: the exchange was then closed unanswered. Also for answers that are sent before
   * the body was read, since the JDK server first drains up to 64 KiB of the unread body.
   */
  <T> Optional<T> withinDeadline(HttpExchange exchange, ClientIo<T> io) throws IOException {
    AtomicBoolean settled = new AtomicBoolean();
    ScheduledFuture<?> guard = watchdog.schedule(() -> {
      if (settled.compareAndSet(false, true)) {
        exchange.close();
      }
    }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    T result;
    try {
      result = io.run();
    } catch (IOException e) {
      if (!settled.compareAndSet(false, true)) {
        return Optional.empty();
      }
      guard.cancel(false);
      throw e;
    }
    if (!settled.compareAndSet(false, true)) {
      // The watchdog closed the exchange just as the call returned: it cannot be answered now.
      return Optional.empty();
    }
    guard.cancel(false);
    return Optional.of(result);
  }

  private static long declaredLength(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Content-Length");
    if (header == null) {
      return -1;
    }
    String digits = header.trim();
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException unreadable) {
      // A length too long for a long is over any cap; anything else the server already refused.
      return !digits.isEmpty() && digits.chars().allMatch(Character::isDigit) ? Long.MAX_VALUE : -1;
    }
  }
}
