package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain java.net.http client for the emulator's Bot API, as a bot would call it. */
final class BotApiClient {
  /** One answer: status, parsed JSON and the raw response for headers. */
  record Reply(int status, JsonNode json, HttpResponse<byte[]> raw) {
    String code() {
      return json.path("code").asText();
    }

    String message() {
      return json.path("message").asText();
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String token;

  BotApiClient(Emulator emulator) {
    this(emulator.baseUrl(), emulator.token());
  }

  BotApiClient(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  Reply get(String pathAndQuery) {
    return send(request(pathAndQuery).GET());
  }

  Reply post(String pathAndQuery, String json) {
    return send(request(pathAndQuery).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply put(String pathAndQuery, String json) {
    return send(request(pathAndQuery).PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply patch(String pathAndQuery, String json) {
    return send(request(pathAndQuery).method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply delete(String pathAndQuery) {
    return send(request(pathAndQuery).DELETE());
  }

  HttpRequest.Builder request(String pathAndQuery) {
    String separator = pathAndQuery.contains("?") ? "&" : "?";
    String url = token == null ? baseUrl + pathAndQuery
        : baseUrl + pathAndQuery + separator + "access_token=" + token;
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(100))
        .header("Content-Type", "application/json");
  }

  Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(response.statusCode(), Json.MAPPER.readTree(response.body()), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String json(Object... keysAndValues) {
    var node = Json.object();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      node.set((String) keysAndValues[i], Json.MAPPER.valueToTree(keysAndValues[i + 1]));
    }
    return node.toString();
  }
}
