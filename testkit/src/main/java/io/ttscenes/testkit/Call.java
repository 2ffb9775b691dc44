package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/** One HTTP request as the route handlers see it: path groups, query parameters and the body. */
final class Call {
  final HttpExchange exchange;
  final Matcher path;
  private final Map<String, String> query;
  private byte[] body;

  Call(HttpExchange exchange, Matcher path) {
    this.exchange = exchange;
    this.path = path;
    this.query = parseQuery(exchange.getRequestURI().getRawQuery());
  }

  static Map<String, String> parseQuery(String raw) {
    Map<String, String> result = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return result;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      result.put(decode(key), decode(value));
    }
    return result;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  Optional<String> param(String name) {
    return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty() && !v.equals("null"));
  }

  String requiredParam(String name) {
    return param(name).orElseThrow(() -> new ApiError(400, "proto.invalid",
        "Missing required parameter: " + name));
  }

  Optional<Long> longParam(String name) {
    return param(name).map(v -> parseLong(name, v));
  }

  int intParam(String name, int fallback, int min, int max) {
    long value = longParam(name).orElse((long) fallback);
    if (value < min || value > max) {
      throw new ApiError(400, "proto.invalid", "Parameter " + name + " is " + value
          + "; it must be between " + min + " and " + max);
    }
    return (int) value;
  }

  static long parseLong(String name, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw ApiError.invalidParam(name, value);
    }
  }

  long pathLong(int group) {
    return parseLong("path", path.group(group));
  }

  byte[] rawBody() {
    if (body == null) {
      try {
        body = exchange.getRequestBody().readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return body;
  }

  JsonNode json() {
    JsonNode node = Json.parse(rawBody());
    if (!node.isObject()) {
      throw ApiError.badRequest("Request body must be a JSON object");
    }
    return node;
  }
}
