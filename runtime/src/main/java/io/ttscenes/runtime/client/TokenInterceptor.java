package io.ttscenes.runtime.client;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the bot token to a request as the last step before it is written, so no interceptor of a
 * user-supplied OkHttp client (a logging one included), no {@code Call.request()} and no exception
 * text built from the request or its response ever holds it. Only requests to the API's own origin get it: a
 * redirect elsewhere travels without the token.
 */
final class TokenInterceptor implements Interceptor {
  private static final String TOKEN_PARAMETER = "access_token";

  private final HttpUrl origin;
  private final String token;
  // The token as a query value, percent-encoded once rather than for every request.
  private final String encodedToken;
  private final AuthMode mode;

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
    HttpUrl url = request.url();
    if (!url.scheme().equals(origin.scheme()) || !url.host().equals(origin.host()) || url.port() != origin.port()) {
      return chain.proceed(request);
    }
    Request.Builder signed = request.newBuilder();
    if (mode == AuthMode.HEADER) {
      signed.header("Authorization", token);
    } else if (url.queryParameter(TOKEN_PARAMETER) == null) {
      signed.url(url.newBuilder().addEncodedQueryParameter(TOKEN_PARAMETER, encodedToken).build());
    } else {
      signed.url(url.newBuilder().setQueryParameter(TOKEN_PARAMETER, token).build());
    }
    // The response names the request it answers; outer interceptors see the unsigned one.
    return chain.proceed(signed.build()).newBuilder().request(request).build();
  }
}
