package io.ttscenes.api;

import java.util.Objects;

/**
 * Why TamTam refused, for good, a recorded message call that carried a continuation (see
 * {@link Context#then(String, Object)}): e.g. status 403 with code {@code chat.denied} when the
 * user blocked the bot, or 404 when the chat or message is gone. Retrying would fail the same way.
 *
 * @param operation the Bot API operation, e.g. {@code sendMessage}
 * @param status the HTTP status
 * @param code the API's error code, or {@code ""} when it sent none
 * @param message the API's explanation, or {@code ""} when it sent none
 */
public record SendFailure(String operation, int status, String code, String message) {
  /** Checks that no component is null. */
  public SendFailure {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
