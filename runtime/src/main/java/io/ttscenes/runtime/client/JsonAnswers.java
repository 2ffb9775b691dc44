package io.ttscenes.runtime.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.ttscenes.api.client.MalformedResponseException;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a successful answer as its model type. A body that is not that JSON (broken, empty,
 * {@code null}) becomes a {@link MalformedResponseException} quoting the body, never a null result
 * or a raw Jackson exception. Thread-safe.
 */
final class JsonAnswers {
  private final ObjectMapper mapper;
  // One reader per answer type: it keeps its root deserializer, so no lookup per call.
  private final ConcurrentHashMap<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

  JsonAnswers(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  <T> T read(String operation, int status, byte[] body, Class<T> type) {
    try {
      T value = readers.computeIfAbsent(type, mapper::readerFor).readValue(body);
      if (value != null) {
        return value;
      }
    } catch (IOException | RuntimeException e) {
      throw malformed(operation, status, body, type.getSimpleName(), e.getClass().getSimpleName(), e);
    }
    throw malformed(operation, status, body, type.getSimpleName(), "empty", null);
  }

  /**
   * Checks that {@code body} is a complete JSON object, the shape of every write call's answer,
   * without building a model of it.
   */
  void check(String operation, int status, byte[] body) {
    try (JsonParser parser = mapper.createParser(body)) {
      if (parser.nextToken() == JsonToken.START_OBJECT) {
        parser.skipChildren();
        return;
      }
    } catch (IOException | RuntimeException e) {
      throw malformed(operation, status, body, "JSON object", e.getClass().getSimpleName(), e);
    }
    throw malformed(operation, status, body, "JSON object", "another JSON value", null);
  }

  private static MalformedResponseException malformed(
      String operation, int status, byte[] body, String expected, String reason, Exception cause) {
    return new MalformedResponseException(operation, status, operation + ": HTTP " + status
        + " body is not a valid " + expected + " (" + reason + "): '"
        + FailureClassifier.snippet(body) + "'", cause);
  }
}
