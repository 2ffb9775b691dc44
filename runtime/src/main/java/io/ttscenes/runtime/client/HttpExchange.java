package io.ttscenes.runtime.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends one attempt of an {@link ApiRequest} and reads the whole response. Knows the base URL,
 * token placement (by {@link TokenInterceptor}) and API version; knows nothing about retries.
 * Thread-safe.
 */
final class HttpExchange {
  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** A request body already written as JSON text, sent as it is. */
  record Written(String json) {}

  /** A complete HTTP response: status, headers and body bytes. */
  record Raw(int status, Headers headers, byte[] body) {
    boolean successful() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * Set by a network interceptor, which OkHttp runs only once a connection is open and just before
   * the request is written: if it stays false the server cannot have seen the request.
   */
  static final class DeliveryProbe {
    volatile boolean reachedNetwork;
  }

  private static final Interceptor PROBE = chain -> {
    DeliveryProbe probe = chain.request().tag(DeliveryProbe.class);
    if (probe != null) {
      probe.reachedNetwork = true;
    }
    return chain.proceed(chain.request());
  };

  private record TimedClient(Duration readTimeout, OkHttpClient client) {}

  private final OkHttpClient client;
  private final OkHttpClient signing;
  // Racy on purpose: threads that miss at once each build one, and any of them is right.
  private volatile TimedClient lastTimed;
  private final HttpUrl baseUrl;
  private final String apiVersion;
  private final ObjectMapper mapper;

  /** {@code apiVersion} null means the {@code v} parameter is not sent. */
  HttpExchange(
      OkHttpClient client, HttpUrl baseUrl, String token, AuthMode authMode, String apiVersion,
      ObjectMapper mapper) {
    // Our own retry policy decides what is safe to resend; OkHttp's silent retry of a POST on a
    // broken connection could send a message twice.
    this.client = client.newBuilder()
        .retryOnConnectionFailure(false)
        .addNetworkInterceptor(PROBE)
        .addNetworkInterceptor(new ParsedContentType())
        .build();
    // Added last, so it is the innermost interceptor: every interceptor of the user's client,
    // a logging one included, sees the request without the token. Uploads go elsewhere and use
    // the client without it.
    this.signing = this.client.newBuilder()
        .addNetworkInterceptor(new TokenInterceptor(baseUrl, token, authMode))
        .build();
    this.baseUrl = baseUrl;
    this.apiVersion = apiVersion;
    this.mapper = mapper;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  OkHttpClient client() {
    return client;
  }

  /** Sends the request once. {@code probe} learns whether the request reached the network. */
  Raw send(ApiRequest request, DeliveryProbe probe) throws IOException {
    Request.Builder http = new Request.Builder()
        .url(url(request))
        .tag(DeliveryProbe.class, probe)
        .method(request.method(), body(request));
    try (Response response = newCall(request, http.build()).execute()) {
      ResponseBody body = response.body();
      return new Raw(response.code(), response.headers(), body.bytes());
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      // OkHttp (Kotlin) throws an undeclared InterruptedException when the thread is interrupted
      // while it waits for a connection; keep it an IOException and keep the interrupt flag.
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      InterruptedIOException io = new InterruptedIOException(request.operation() + " interrupted");
      io.initCause(e);
      throw io;
    }
  }

  private Call newCall(ApiRequest request, Request http) {
    Duration readTimeout = request.readTimeout();
    if (readTimeout == null) {
      return signing.newCall(http);
    }
    return withReadTimeout(readTimeout).newCall(http);
  }

  /**
   * The signing client with {@code readTimeout} (and no call timeout), for long polls: kept while
   * the timeout stays the same, as a poll loop asks with one timeout for its whole life, so a
   * client is not built for every poll.
   */
  private OkHttpClient withReadTimeout(Duration readTimeout) {
    TimedClient timed = lastTimed;
    if (timed == null || !timed.readTimeout().equals(readTimeout)) {
      timed = new TimedClient(readTimeout,
          signing.newBuilder().readTimeout(readTimeout).callTimeout(Duration.ZERO).build());
      lastTimed = timed;
    }
    return timed.client();
  }

  private HttpUrl url(ApiRequest request) {
    HttpUrl.Builder url = baseUrl.newBuilder();
    for (String segment : request.segments()) {
      url.addPathSegment(segment);
    }
    for (Map.Entry<String, String> parameter : request.query()) {
      url.addQueryParameter(parameter.getKey(), parameter.getValue());
    }
    if (apiVersion != null) {
      url.addQueryParameter("v", apiVersion);
    }
    return url.build();
  }

  private RequestBody body(ApiRequest request) {
    if (request.body() == null) {
      return request.method().equals("GET") || request.method().equals("DELETE")
          ? null
          : RequestBody.create(new byte[0], JSON);
    }
    if (request.body() instanceof Written written) {
      return RequestBody.create(written.json().getBytes(StandardCharsets.UTF_8), JSON);
    }
    try {
      return RequestBody.create(mapper.writeValueAsBytes(request.body()), JSON);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(
          request.operation() + ": cannot write the request body as JSON", e);
    }
  }
}
