package io.ttscenes.api.client;

import java.util.Objects;

/**
 * A Bot API call failed. Carries the operation (schema operationId), the HTTP status (0 when no
 * response arrived), and the API's error {@code code} and {@code message} (empty strings when the
 * response carried none). Subclasses tell whether retrying can help.
 */
public class BotApiException extends RuntimeException {
  private final String operation;
  private final int status;
  private final String code;
  private final String apiMessage;

  /**
   * Creates the exception; {@code cause} may be null.
   *
   * @throws NullPointerException if operation, code or apiMessage is null
   */
  public BotApiException(
      String operation, int status, String code, String apiMessage, String message,
      Throwable cause) {
    super(message, cause);
    this.operation = Objects.requireNonNull(operation, "operation");
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
    this.apiMessage = Objects.requireNonNull(apiMessage, "apiMessage");
  }

  /** The schema operationId of the failed call, e.g. {@code "sendMessage"}. */
  public String operation() {
    return operation;
  }

  /** The HTTP status of the response, or 0 when no response was received (I/O failure). */
  public int status() {
    return status;
  }

  /** The API's error key such as {@code "verify.token"}, or an empty string when absent. */
  public String code() {
    return code;
  }

  /** The API's human-readable error message, or an empty string when absent. */
  public String apiMessage() {
    return apiMessage;
  }
}
