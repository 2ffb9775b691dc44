package io.ttscenes.runtime.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Bot API call as data: operation name, HTTP method, encoded-on-send path segments, query
 * parameters (null values are simply not sent), an optional JSON body and an optional read
 * timeout that overrides the client's (long polling).
 */
record ApiRequest(
    String operation,
    String method,
    List<String> segments,
    List<Map.Entry<String, String>> query,
    Object body,
    Duration readTimeout) {

  ApiRequest {
    segments = List.copyOf(segments);
    query = List.copyOf(query);
  }

  /**
   * Whether sending twice is harmless. Only POST creates things (a message, an answer, a
   * subscription, an upload slot); GET, PUT, PATCH and DELETE leave the same state when repeated.
   */
  boolean idempotent() {
    return !method.equals("POST");
  }

  static Builder of(String operation, String method) {
    return new Builder(operation, method);
  }

  /** Collects the parts of a request; each {@code path} call adds one path segment. */
  static final class Builder {
    private final String operation;
    private final String method;
    private final List<String> segments = new ArrayList<>();
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private Object body;
    private Duration readTimeout;

    private Builder(String operation, String method) {
      this.operation = operation;
      this.method = method;
    }

    Builder path(Object... parts) {
      for (Object part : parts) {
        segments.add(String.valueOf(part));
      }
      return this;
    }

    Builder query(String name, Object value) {
      if (value != null) {
        query.add(Map.entry(name, String.valueOf(value)));
      }
      return this;
    }

    Builder queryList(String name, List<?> values) {
      if (values != null && !values.isEmpty()) {
        StringBuilder joined = new StringBuilder();
        for (Object value : values) {
          joined.append(joined.length() == 0 ? "" : ",").append(value);
        }
        query.add(Map.entry(name, joined.toString()));
      }
      return this;
    }

    Builder body(Object json) {
      this.body = json;
      return this;
    }

    Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    ApiRequest build() {
      return new ApiRequest(operation, method, segments, query, body, readTimeout);
    }
  }
}
