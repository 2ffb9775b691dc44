package io.ttscenes.runtime.ingress;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a webhook request body within a deadline and a size cap, without a thread waiting for it:
 * Jetty reads asynchronously, so a client that announces a body and sends it slowly holds no
 * thread, and a watchdog closes its connection (unanswered) when the deadline passes.
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

  /**
   * What came of reading one body: read whole, over the cap, or not read at all because the
   * deadline passed or the connection failed; in the last two the connection is closed.
   */
  enum Status { READ, TOO_LARGE, TIMED_OUT, BROKEN }

  /** A body that was read whole ({@code bytes} empty otherwise). */
  record Body(Status status, byte[] bytes) {}

  int maxBytes() {
    return maxBytes;
  }

  /**
   * Reads the body of {@code request}: refuses a declared length over the cap without reading,
   * stops after the cap otherwise. The future never fails; on {@link Status#TIMED_OUT} and
   * {@link Status#BROKEN} the connection is closed and the request must not be answered.
   */
  CompletableFuture<Body> read(Request request) {
    if (declaredLength(request) > maxBytes) {
      return CompletableFuture.completedFuture(new Body(Status.TOO_LARGE, new byte[0]));
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    CompletableFuture<byte[]> reading = Content.Source.asByteArrayAsync(request, maxBytes);
    ScheduledFuture<?> guard = watchdog.schedule(() -> {
      if (!reading.isDone() && timedOut.compareAndSet(false, true)) {
        closeConnection(request);
      }
    }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    return reading.handle((bytes, failure) -> {
      guard.cancel(false);
      if (failure == null) {
        return new Body(Status.READ, bytes);
      }
      if (!timedOut.get() && Request.getContentBytesRead(request) > maxBytes) {
        return new Body(Status.TOO_LARGE, new byte[0]);
      }
      closeConnection(request);
      return new Body(timedOut.get() ? Status.TIMED_OUT : Status.BROKEN, new byte[0]);
    });
  }

  /** Closes the connection {@code request} came on, so the client sees it end unanswered. */
  static void closeConnection(Request request) {
    request.getConnectionMetaData().getConnection().getEndPoint().close();
  }

  private static long declaredLength(Request request) {
    String header = request.getHeaders().get(HttpHeader.CONTENT_LENGTH);
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
