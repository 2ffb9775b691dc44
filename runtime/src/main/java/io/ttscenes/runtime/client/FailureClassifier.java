package io.ttscenes.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Turns a non-2xx response or an I/O failure into a classified {@link Failure}. Thread-safe. */
final class FailureClassifier {
  static final String ATTACHMENT_NOT_READY = "attachment.not.ready";
  private static final int SNIPPET = 200;

  private final ObjectMapper mapper;
  private final Clock clock;

  FailureClassifier(ObjectMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  Failure fromResponse(String operation, HttpExchange.Raw raw) {
    int status = raw.status();
    String code = "";
    String apiMessage = "";
    String description;
    JsonNode error = readErrorObject(raw.body());
    if (error != null) {
      code = error.path("code").asText("");
      apiMessage = error.path("message").asText("");
      description = operation + " failed: HTTP " + status + " " + code
          + (apiMessage.isEmpty() ? "" : ": " + apiMessage);
    } else {
      description = operation + " failed: HTTP " + status
          + " (body is not an API error: '" + snippet(raw.body()) + "')";
    }
    Duration retryAfter = retryAfter(raw.headers().get("Retry-After"));
    return new Failure(kind(status, code), operation, status, code, apiMessage, description,
        retryAfter, null);
  }

  Failure fromIo(String operation, IOException e, boolean reachedNetwork) {
    String where = reachedNetwork
        ? " (the request may have reached the server)"
        : " (before the request was sent)";
    String description = operation + " failed: no response" + where + ": " + e;
    Failure.Kind kind = reachedNetwork ? Failure.Kind.MAYBE_PROCESSED : Failure.Kind.NOT_PROCESSED;
    return new Failure(kind, operation, 0, "", "", description, null, e);
  }

  /**
   * The schema names 400, 401, 403, 404 and 405 as errors of the request or of the bot (the same
   * request fails again; 401 until the token is changed, which takes a restart) and 429 and 503 as
   * passing. Of the statuses it does not name, 408 (the request did not arrive in time) and 425
   * (too early) say nothing was done and a later try may pass; any other 4xx (409 too) is a refusal
   * of this request, which HTTP says the client should not repeat unchanged.
   */
  private static Failure.Kind kind(int status, String code) {
    if (status == 408 || status == 425 || status == 429 || status == 503) {
      return Failure.Kind.NOT_PROCESSED;
    }
    if (status >= 500) {
      return Failure.Kind.MAYBE_PROCESSED;
    }
    if (status == 400 && ATTACHMENT_NOT_READY.equals(code)) {
      return Failure.Kind.ATTACHMENT_NOT_READY;
    }
    return Failure.Kind.REJECTED;
  }

  private JsonNode readErrorObject(byte[] body) {
    try {
      JsonNode node = mapper.readTree(body);
      return node != null && node.isObject() && node.has("code") ? node : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  /**
   * Seconds or an HTTP date; null when absent, unreadable or not in the future. A number of
   * seconds too large for a long is read as the longest duration, never as absent.
   */
  Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return delaySeconds(value);
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), at);
      return wait.isNegative() || wait.isZero() ? null : wait;
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  private static Duration delaySeconds(String digits) {
    try {
      long seconds = Long.parseLong(digits);
      return seconds > 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException tooLong) {
      // Still a delay, only longer than any we would wait: the retry loop then fails with it.
      return Duration.ofSeconds(Long.MAX_VALUE);
    }
  }

  static String snippet(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
    return text.length() <= SNIPPET ? text : text.substring(0, SNIPPET) + "...";
  }
}
