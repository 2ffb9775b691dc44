package io.ttscenes.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/** A MockWebServer playing the Bot API, with assertions on what the client sent. */
final class ApiServer implements AutoCloseable {
  static final String TOKEN = "secret-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  ApiServer() throws Exception {
    server.start();
  }

  /** A client for this server with fake time, full-ceiling jitter and no rate-limit waits. */
  OkHttpBotApiBuilder client() {
    return OkHttpBotApi.builder(TOKEN)
        .baseUrl(server.url("/").toString())
        .clock(time)
        .sleeper(time)
        .jitter(() -> 1.0)
        .requestsPerSecond(1_000_000);
  }

  void reply(int status, String body) {
    server.enqueue(new MockResponse.Builder().code(status)
        .setHeader("Content-Type", "application/json").body(body).build());
  }

  void reply(String body) {
    reply(200, body);
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("the client sent no request");
    }
    return request;
  }

  /** The query parameters other than the token and version, sorted by name. */
  static Map<String, String> apiQuery(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    Map<String, String> query = new TreeMap<>();
    for (String name : url.queryParameterNames()) {
      if (!name.equals("access_token") && !name.equals("v")) {
        query.put(name, url.queryParameter(name));
      }
    }
    return query;
  }

  static void assertJson(String expected, RecordedRequest request) throws Exception {
    JsonNode sent = JSON.readTree(request.getBody().utf8());
    assertEquals(JSON.readTree(expected), sent, "request body " + sent);
  }

  @Override
  public void close() {
    server.close();
  }
}
