package io.ttscenes.api.client;

/**
 * The API refused the request (400, 401, 403, 404, 405 and other 4xx except 429 and
 * {@code attachment.not.ready}). Sending the same request again will fail the same way, so the
 * client never retries it; {@link #code()} and {@link #apiMessage()} say why.
 */
public class ApiRejectedException extends BotApiException {
  /** Creates the exception; {@code cause} may be null. */
  public ApiRejectedException(
      String operation, int status, String code, String apiMessage, String message,
      Throwable cause) {
    super(operation, status, code, apiMessage, message, cause);
  }
}
