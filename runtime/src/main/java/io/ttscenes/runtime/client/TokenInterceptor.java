package io.ttscenes.runtime.client;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The signing client's one network interceptor, so the last step before a request is written. It
 * adds the bot token, so no interceptor of a user-supplied OkHttp client (a logging one included),
 * no {@code Call.request()} and no exception text built from the request or its response ever
 * holds it; only requests to the API's own origin get it: a redirect elsewhere travels without the
 * token. It also marks the request's {@link HttpExchange.DeliveryProbe} and hands OkHttp the
 * response body with its content type parsed by {@link ParsedContentType}: one interceptor doing
 * all three costs one chain step and one rebuilt response per call instead of three and two.
 */
final class TokenInterceptor implements Interceptor {
  private static final String TOKEN_PARAMETER = "access_token";

  /**
   * The request as it was before signing, a tag of the signed one, so the user's event listeners
   * ({@link RedactingEventListener}) get it instead of the request OkHttp writes. Its text is the
   * unsigned request's.
   */
  record Unsigned(Request request) {
    @Override
    public String toString() {
      return "Unsigned[" + request.url() + "]";
    }
  }

  /** {@code request} as it was before signing, or itself when it was never signed. */
  static Request unsigned(Request request) {
    Unsigned unsigned = request.tag(Unsigned.class);
    return unsigned != null ? unsigned.request() : request;
  }

  /**
   * {@code response}, or a copy of it naming the request from before signing; null for null. Only
   * the network response names the signed request: every response that left {@link #intercept}
   * (a prior, cached or network response OkHttp nests in a later one) already names the unsigned.
   */
  static Response unsigned(Response response) {
    if (response == null) {
      return null;
    }
    Request request = unsigned(response.request());
    return request == response.request() ? response : response.newBuilder().request(request).build();
  }

  private final HttpUrl origin;
  private final String token;
  // The token as a query value, percent-encoded once rather than for every request.
  private final String encodedToken;
  private final AuthMode mode;
  private final ParsedContentType types = new ParsedContentType();

  TokenInterceptor(HttpUrl origin, String token, AuthMode mode) {
    this.origin = origin;
    this.token = token;
    this.encodedToken = origin.newBuilder().encodedQuery(null).addQueryParameter(TOKEN_PARAMETER, token).build()
        .encodedQuery().substring(TOKEN_PARAMETER.length() + 1);
    this.mode = mode;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpExchange.DeliveryProbe probe = request.tag(HttpExchange.DeliveryProbe.class);
    if (probe != null) {
      probe.reachedNetwork = true;
    }
    Request signed = sign(request);
    Response response = chain.proceed(signed);
    String contentType = response.header("Content-Type");
    if (signed == request && contentType == null) {
      return response;
    }
    Response.Builder answer = response.newBuilder();
    if (signed != request) {
      // The response names the request it answers; outer interceptors see the unsigned one.
      answer.request(request);
    }
    if (contentType != null) {
      ResponseBody body = response.body();
      answer.body(ResponseBody.create(body.source(), types.parse(contentType), body.contentLength()));
    }
    return answer.build();
  }

  private Request sign(Request request) {
    HttpUrl url = request.url();
    if (!url.scheme().equals(origin.scheme()) || !url.host().equals(origin.host()) || url.port() != origin.port()) {
      return request;
    }
    Request.Builder signed = request.newBuilder().tag(Unsigned.class, new Unsigned(request));
    if (mode == AuthMode.HEADER) {
      return signed.header("Authorization", token).build();
    }
    if (url.queryParameter(TOKEN_PARAMETER) == null) {
      signed.url(url.newBuilder().addEncodedQueryParameter(TOKEN_PARAMETER, encodedToken).build());
    } else {
      signed.url(url.newBuilder().setQueryParameter(TOKEN_PARAMETER, token).build());
    }
    return signed.build();
  }
}
