package io.ttscenes.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

final class ParsedContentTypeTest {
  private final ParsedContentType types = new ParsedContentType();

  @Test
  void theSameHeaderTextIsParsedOnceAndANewOneAfresh() {
    MediaType json = types.parse("application/json; charset=utf-8");

    assertSame(json, types.parse("application/json; charset=utf-8"));
    assertEquals(MediaType.get("application/json; charset=utf-8"), json);
    assertEquals(MediaType.get("text/plain"), types.parse("text/plain"));
    assertEquals(json, types.parse("application/json; charset=utf-8"));
  }

  @Test
  void aHeaderThatIsNoMediaTypeReadsAsNoneAsOkHttpReadsIt() {
    assertNull(types.parse("not a media type"));
    assertNull(types.parse("not a media type"));
  }

  @Test
  void everyApiResponseReachesTheUsersInterceptorsWithTheContentTypeAndLengthTheServerSent() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    Interceptor recording = chain -> {
      okhttp3.Response response = chain.proceed(chain.request());
      seen.add(response.code() + " " + response.body().contentType() + " " + response.body().contentLength());
      return response;
    };
    OkHttpClient user = new OkHttpClient.Builder().addInterceptor(recording).addNetworkInterceptor(recording).build();
    try (ApiServer api = new ApiServer()) {
      api.reply("{\"success\":true}");
      api.server.enqueue(new MockResponse.Builder().code(400).setHeader("Content-Type", "text/plain; charset=iso-8859-1")
          .body("bad").build());
      api.server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").build());
      api.server.enqueue(new MockResponse.Builder().code(204).build());
      OkHttpBotApi client = api.client().httpClient(user).retryPolicy(RetryPolicy.none()).build();

      for (int call = 0; call < 4; call++) {
        try {
          client.leaveChat(5);
        } catch (RuntimeException expected) {
          // Only what the user's interceptors saw matters here.
        }
      }
    }

    assertEquals(List.of(
        "200 application/json 16", "200 application/json 16",
        "400 text/plain; charset=iso-8859-1 3", "400 text/plain; charset=iso-8859-1 3",
        "200 application/json 0", "200 application/json 0",
        "204 null 0", "204 null 0"), seen);
  }
}
