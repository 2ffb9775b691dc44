package io.ttscenes.runtime.client;

import io.ttscenes.api.client.ApiRejectedException;
import io.ttscenes.api.client.ApiUnavailableException;
import io.ttscenes.api.client.BotApiException;
import java.time.Duration;

/**
 * One failed attempt, classified for the retry loop. {@code retryAfter} and {@code cause} may be
 * null; {@code status} is 0 when no response arrived.
 */
record Failure(
    Kind kind,
    String operation,
    int status,
    String code,
    String apiMessage,
    String description,
    Duration retryAfter,
    Throwable cause) {

  /** What a failure tells about the server's state and about retrying. */
  enum Kind {
    /** The server refused the request; the same request fails again. */
    REJECTED,
    /** The server certainly did not process the request (connect failure, 408, 425, 429, 503). */
    NOT_PROCESSED,
    /** The server may have processed it (read timeout, cut connection, 500, 502, 504). */
    MAYBE_PROCESSED,
    /** 400 {@code attachment.not.ready}: nothing was sent, the upload is still processing. */
    ATTACHMENT_NOT_READY
  }

  boolean retryableFor(ApiRequest request) {
    return switch (kind) {
      case REJECTED -> false;
      case NOT_PROCESSED, ATTACHMENT_NOT_READY -> true;
      case MAYBE_PROCESSED -> request.idempotent();
    };
  }

  /** The exception a caller sees, its message being the description plus {@code note}. */
  BotApiException toException(String note) {
    String message = description + note;
    if (kind == Kind.REJECTED) {
      return new ApiRejectedException(operation, status, code, apiMessage, message, cause);
    }
    return new ApiUnavailableException(
        operation, status, code, apiMessage, message, retryAfter, cause);
  }
}
