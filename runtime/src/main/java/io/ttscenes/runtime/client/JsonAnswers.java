package io.ttscenes.runtime.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.client.MalformedResponseException;
import java.io.IOException;

/**
 * Reads a successful answer as its model type. A body that is not that JSON (broken, empty,
 * {@code null}) becomes a {@link MalformedResponseException} quoting the body, never a null result
 * or a raw Jackson exception. Thread-safe.
 */
final class JsonAnswers {
  private final ObjectMapper mapper;

  JsonAnswers(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  <T> T read(String operation, int status, byte[] body, Class<T> type) {
    try {
      T value = mapper.readValue(body, type);
      if (value != null) {
        return value;
      }
    } catch (IOException | RuntimeException e) {
      throw malformed(operation, status, body, type, e);
    }
    throw malformed(operation, status, body, type, null);
  }

  private static MalformedResponseException malformed(
      String operation, int status, byte[] body, Class<?> type, Exception cause) {
    String reason = cause == null ? "empty" : cause.getClass().getSimpleName();
    return new MalformedResponseException(operation, status, operation + ": HTTP " + status
        + " body is not a valid " + type.getSimpleName() + " (" + reason + "): '"
        + FailureClassifier.snippet(body) + "'", cause);
  }
}
