package io.ttscenes.runtime.client;

import io.ttscenes.api.client.ApiUnavailableException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a request through the rate limit and the retry policy until it succeeds, is rejected, or
 * retrying is no longer allowed (see {@link OkHttpBotApi} for the idempotence table). Thread-safe.
 */
final class RetryLoop {
  private static final Logger log = LoggerFactory.getLogger(RetryLoop.class);

  private final HttpExchange exchange;
  private final FailureClassifier classifier;
  private final RetryPolicy policy;
  private final RateLimiter rateLimiter;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier jitter;

  RetryLoop(
      HttpExchange exchange, FailureClassifier classifier, RetryPolicy policy,
      RateLimiter rateLimiter, Clock clock, Sleeper sleeper, DoubleSupplier jitter) {
    this.exchange = exchange;
    this.classifier = classifier;
    this.policy = policy;
    this.rateLimiter = rateLimiter;
    this.clock = clock;
    this.sleeper = sleeper;
    this.jitter = jitter;
  }

  /** Returns the first 2xx response, or throws the mapped exception of the last failure. */
  HttpExchange.Raw run(ApiRequest request) {
    Instant deadline = clock.instant().plus(policy.attachmentReadyTimeout());
    int attempts = 0;
    int notReadyRetries = 0;
    while (true) {
      pause(request, rateLimiter::acquire);
      attempts++;
      Outcome outcome = attempt(request);
      if (outcome.failure() == null) {
        return outcome.response();
      }
      Failure failure = outcome.failure();
      Duration wait;
      if (failure.kind() == Failure.Kind.ATTACHMENT_NOT_READY) {
        wait = jittered(notReadyRetries++);
        if (clock.instant().plus(wait).isAfter(deadline)) {
          throw failure.toException(": the attachment was not ready after "
              + policy.attachmentReadyTimeout().toMillis() + " ms (" + attempts + " attempts)");
        }
      } else {
        wait = regularWait(request, failure, attempts);
      }
      log.debug("{} attempt {} failed, retrying in {}: {}",
          request.operation(), attempts, wait, failure.description());
      pause(request, () -> sleeper.sleep(wait));
    }
  }

  /** Exactly one of the two is non-null. */
  private record Outcome(HttpExchange.Raw response, Failure failure) {}

  private Outcome attempt(ApiRequest request) {
    HttpExchange.DeliveryProbe probe = new HttpExchange.DeliveryProbe();
    try {
      HttpExchange.Raw raw = exchange.send(request, probe);
      return raw.successful()
          ? new Outcome(raw, null)
          : new Outcome(null, classifier.fromResponse(request.operation(), raw));
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        // Someone is stopping this thread (e.g. the poll loop on shutdown): no retry, no backoff.
        throw interrupted(request, "interrupted while sending", e);
      }
      return new Outcome(null, classifier.fromIo(request.operation(), e, probe.reachedNetwork));
    }
  }

  private Duration regularWait(ApiRequest request, Failure failure, int attempts) {
    if (!failure.retryableFor(request)) {
      String note = failure.kind() == Failure.Kind.MAYBE_PROCESSED
          ? "; not retried because " + request.method() + " is not idempotent"
          : "";
      throw failure.toException(note);
    }
    if (attempts >= policy.maxAttempts()) {
      throw failure.toException("; gave up after " + attempts + " attempts");
    }
    Duration retryAfter = failure.retryAfter();
    if (retryAfter != null && retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
      throw failure.toException("; the server asked to retry after " + retryAfter.toSeconds()
          + " s, longer than the " + policy.maxRetryAfter().toSeconds() + " s we wait");
    }
    Duration backoff = jittered(attempts - 1);
    return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
  }

  private Duration jittered(int retry) {
    double fraction = Math.min(1.0, Math.max(0.0, jitter.getAsDouble()));
    return Duration.ofMillis(Math.round(policy.ceiling(retry).toMillis() * fraction));
  }

  private interface Wait {
    void run() throws InterruptedException;
  }

  private static void pause(ApiRequest request, Wait wait) {
    try {
      wait.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(request, "interrupted while waiting to send", e);
    }
  }

  private static ApiUnavailableException interrupted(ApiRequest request, String what, Exception cause) {
    return new ApiUnavailableException(request.operation(), 0, "", "",
        request.operation() + " " + what, null, cause);
  }
}
