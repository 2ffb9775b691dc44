package io.ttscenes.api.client;

/**
 * A successful (2xx) response whose body could not be read as the expected JSON type. The request
 * did take effect on the server, so the client does not retry; the message holds the status and a
 * snippet of the body.
 */
public class MalformedResponseException extends BotApiException {
  /** Creates the exception; {@code cause} may be null. */
  public MalformedResponseException(String operation, int status, String message, Throwable cause) {
    super(operation, status, "", "", message, cause);
  }
}
