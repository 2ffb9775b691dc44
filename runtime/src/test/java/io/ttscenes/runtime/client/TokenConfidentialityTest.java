package io.ttscenes.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.client.BotApiException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bot token reaches the API and nothing else: no log line of the user's client, no exception. */
final class TokenConfidentialityTest {
  private static final Logger LOG = LoggerFactory.getLogger("user.http");
  /** What a user's logging interceptor (such as OkHttp's HttpLoggingInterceptor at HEADERS) writes. */
  private static final Interceptor LOGGING = chain -> {
    LOG.info("--> {} {} {}", chain.request().method(), chain.request().url(), chain.request().headers());
    okhttp3.Response response = chain.proceed(chain.request());
    LOG.info("<-- {} {} {}", response.code(), response.request().url(), response);
    return response;
  };
  private final ApiServer api = new ApiServer();

  TokenConfidentialityTest() throws Exception {}

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aLoggingInterceptorOfTheUsersClientNeverSeesTheTokenInEitherAuthMode() throws Exception {
    OkHttpClient logged = new OkHttpClient.Builder().addInterceptor(LOGGING).addNetworkInterceptor(LOGGING).build();
    api.reply("{\"success\":true}");
    api.reply("{\"success\":true}");

    String log = captured(() -> {
      api.client().httpClient(logged).build().leaveChat(5);
      api.client().httpClient(logged).authMode(AuthMode.HEADER).build().leaveChat(5);
      return null;
    });

    assertEquals(ApiServer.TOKEN, api.take().getUrl().queryParameter("access_token"));
    assertEquals(ApiServer.TOKEN, api.take().getHeaders().get("Authorization"));
    assertTrue(log.contains("--> DELETE") && log.contains("<-- 200"), log);
    assertFalse(log.contains(ApiServer.TOKEN), "the token is in the log:\n" + log);
  }

  @Test
  void aUsersInterceptorThatPrintsTheWholeRequestOrTheCallsRequestNeverSeesTheToken() throws Exception {
    List<String> printed = new CopyOnWriteArrayList<>();
    Interceptor printing = chain -> {
      printed.add(chain.request().toString());
      printed.add(chain.call().request().toString());
      return chain.proceed(chain.request());
    };
    OkHttpClient logged = new OkHttpClient.Builder().addInterceptor(printing).addNetworkInterceptor(printing).build();
    api.reply("{\"success\":true}");

    api.client().httpClient(logged).build().leaveChat(5);

    assertEquals(ApiServer.TOKEN, api.take().getUrl().queryParameter("access_token"));
    assertEquals(4, printed.size(), printed.toString());
    for (String line : printed) {
      assertFalse(line.contains(ApiServer.TOKEN), "the token is in a printed request: " + line);
    }
  }

  @Test
  void anAddressChangedByAUsersNetworkInterceptorIsSentAsChangedAndStillSigned() throws Exception {
    Interceptor tagging = chain -> chain.proceed(chain.request().newBuilder()
        .url(chain.request().url().newBuilder().addQueryParameter("trace", "t1").build()).build());
    OkHttpClient traced = new OkHttpClient.Builder().addNetworkInterceptor(tagging).build();
    api.reply("{\"success\":true}");

    api.client().httpClient(traced).build().leaveChat(5);

    RecordedRequest sent = api.take();
    assertEquals("t1", sent.getUrl().queryParameter("trace"), sent.getUrl().toString());
    assertEquals(ApiServer.TOKEN, sent.getUrl().queryParameter("access_token"));
  }

  @Test
  void aRedirectToAnotherOriginTravelsWithoutTheToken() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      elsewhere.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
          .body("{\"success\":true}").build());
      api.server.enqueue(new MockResponse.Builder().code(307)
          .setHeader("Location", elsewhere.url("/moved").toString()).build());

      api.client().build().leaveChat(5);

      RecordedRequest moved = elsewhere.takeRequest();
      assertNull(moved.getUrl().queryParameter("access_token"), moved.getUrl().toString());
      assertNull(moved.getHeaders().get("Authorization"));
    }
  }

  @Test
  void failuresNameNoTokenInTheirMessagesOrCauses() throws Exception {
    api.reply(401, "{\"code\":\"verify.token\",\"message\":\"Invalid access_token\"}");
    BotApiException rejected = assertThrows(BotApiException.class, () -> api.client().build().leaveChat(5));
    api.close();
    BotApiException unreachable = assertThrows(BotApiException.class,
        () -> api.client().retryPolicy(RetryPolicy.none()).build().leaveChat(5));

    for (Throwable e : new Throwable[] {rejected, unreachable}) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertFalse(String.valueOf(t.getMessage()).contains(ApiServer.TOKEN), t.toString());
      }
    }
  }

  private static String captured(Callable<Void> action) throws Exception {
    PrintStream previous = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      action.call();
    } finally {
      System.setErr(previous);
    }
    return err.toString(StandardCharsets.UTF_8);
  }
}
