package io.ttscenes.api.client;

import java.time.Duration;
import java.util.Optional;

/**
 * A retryable failure: the API was unreachable (connect failure, timeout, cut connection), asked us
 * to slow down (429), failed on its side (5xx), or an attachment was still being processed
 * ({@code attachment.not.ready}). Thrown after the client's own retries are exhausted; the caller
 * may try again later.
 */
public class ApiUnavailableException extends BotApiException {
  private final Duration retryAfter;

  /**
   * Creates the exception; {@code retryAfter} (the server's hint) and {@code cause} may be null.
   */
  public ApiUnavailableException(
      String operation, int status, String code, String apiMessage, String message,
      Duration retryAfter, Throwable cause) {
    super(operation, status, code, apiMessage, message, cause);
    this.retryAfter = retryAfter;
  }

  /** The delay the server asked for with {@code Retry-After}, if it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether the failure happened before any response arrived (status 0). */
  public boolean noResponse() {
    return status() == 0;
  }
}
