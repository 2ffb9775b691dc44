package io.ttscenes.runtime.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A network interceptor that hands OkHttp each response body with its content type already
 * parsed. OkHttp's cache step asks every response body for its {@link MediaType}, which parses the
 * {@code Content-Type} header with regular expressions each time; an API server answers with one
 * or two distinct values, so the last one parsed is kept and reused while the text is the same.
 * The body's bytes, length and closing are those of the original. Thread-safe. The API calls get
 * the same from {@link TokenInterceptor}; this one serves the client without the token (uploads).
 */
final class ParsedContentType implements Interceptor {
  private record Parsed(String text, MediaType type) {}

  // Racy on purpose: threads that miss at once each parse, and any of the results is right.
  private volatile Parsed last;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String text = response.header("Content-Type");
    if (text == null) {
      return response;
    }
    ResponseBody body = response.body();
    return response.newBuilder()
        .body(ResponseBody.create(body.source(), parse(text), body.contentLength()))
        .build();
  }

  /** The media type of {@code text}, null when it is not one (as OkHttp reads it). */
  MediaType parse(String text) {
    Parsed known = last;
    if (known == null || !known.text().equals(text)) {
      known = new Parsed(text, MediaType.parse(text));
      last = known;
    }
    return known.type();
  }
}
