package io.ttscenes.runtime.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

  private final OkHttpClient client;
  private final OkHttpClient signing;
  // The signing client for a long poll: without the user's call timeout, which is meant for
  // ordinary calls and would cut a poll the server holds for its own timeout.
  private final OkHttpClient polling;
  private final long readBudgetMillis;
  private final long writeBudgetMillis;
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
    //
    // Its calls get one deadline each from CallDeadlines instead of OkHttp's read and write
    // timeouts (see there why); their budgets are taken from the client as configured.
    //
    // Built from the user's client, not from the one above: the token interceptor also does the
    // probe's and the content type's work, so each API call passes one interceptor of ours.
    this.signing = client.newBuilder()
        .retryOnConnectionFailure(false)
        .addNetworkInterceptor(new TokenInterceptor(baseUrl, token, authMode))
        // OkHttp hands event listeners the request as written, signed: the user's get it unsigned.
        .eventListenerFactory(RedactingEventListener.around(client.eventListenerFactory()))
        .readTimeout(Duration.ZERO)
        .writeTimeout(Duration.ZERO)
        .build();
    this.polling = signing.newBuilder().callTimeout(Duration.ZERO).build();
    this.readBudgetMillis = client.readTimeoutMillis();
    this.writeBudgetMillis = client.writeTimeoutMillis();
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
    Call call = (request.readTimeout() != null ? polling : signing).newCall(http.build());
    long budgetMillis = budgetMillis(request);
    CallDeadlines.Watch watch = budgetMillis > 0
        ? CallDeadlines.shared().watch(call, TimeUnit.MILLISECONDS.toNanos(budgetMillis))
        : null;
    try (Response response = call.execute()) {
      ResponseBody body = response.body();
      return new Raw(response.code(), response.headers(), body.bytes());
    } catch (IOException e) {
      if (watch != null && watch.expired()) {
        SocketTimeoutException timeout = new SocketTimeoutException(
            request.operation() + ": no complete answer within " + budgetMillis + " ms");
        timeout.initCause(e);
        throw timeout;
      }
      throw e;
    } catch (RuntimeException e) {
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
    } finally {
      if (watch != null) {
        CallDeadlines.shared().release(watch);
      }
    }
  }

  /**
   * The whole exchange's budget: the read timeout (the request's own, for a long poll, else the
   * client's) plus the client's write timeout; 0 (no deadline) when the read timeout is 0, as
   * OkHttp reads it.
   */
  private long budgetMillis(ApiRequest request) {
    long read = request.readTimeout() != null ? request.readTimeout().toMillis() : readBudgetMillis;
    return read == 0 ? 0 : read + writeBudgetMillis;
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
