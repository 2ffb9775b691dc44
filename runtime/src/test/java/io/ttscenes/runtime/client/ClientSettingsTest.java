package io.ttscenes.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.client.ApiUnavailableException;
import io.ttscenes.api.client.MalformedResponseException;
import io.ttscenes.api.client.UpdatesRequest;
import io.ttscenes.api.model.UnreadableUpdate;
import io.ttscenes.api.model.UpdateList;
import io.ttscenes.runtime.json.WireJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Token placement, API version, call deadlines, malformed answers and configuration. */
final class ClientSettingsTest {
  private final ApiServer api = new ApiServer();

  ClientSettingsTest() throws Exception {}

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aClientWithoutAMapperOfItsOwnUsesTheSharedWireMapper() {
    // Jackson builds its readers and writers per mapper: the dispatcher and the warm-up share this
    // one, so the update readers the warm-up built are the ones the first real page uses.
    assertSame(WireJson.MAPPER, OkHttpBotApi.builder("token").build().mapper());
  }

  @Test
  void headerModeSendsTheTokenAsAuthorizationAndNotInTheQuery() throws Exception {
    OkHttpBotApi client = api.client().authMode(AuthMode.HEADER).build();
    api.reply("{\"success\":true}");

    client.leaveChat(5);

    RecordedRequest request = api.take();
    assertEquals(ApiServer.TOKEN, request.getHeaders().get("Authorization"));
    assertNull(request.getUrl().queryParameter("access_token"));
    assertEquals("0.5.6", request.getUrl().queryParameter("v"));
  }

  @Test
  void queryModeSendsAccessTokenAndNoAuthorizationHeader() throws Exception {
    OkHttpBotApi client = api.client().build();
    api.reply("{\"success\":true}");

    client.leaveChat(5);

    RecordedRequest request = api.take();
    assertEquals(ApiServer.TOKEN, request.getUrl().queryParameter("access_token"));
    assertNull(request.getHeaders().get("Authorization"));
  }

  @Test
  void aTokenWithCharactersAQueryMustEscapeReachesTheServerUnchanged() throws Exception {
    String token = "a+b/c=d&e f%20é?#";
    OkHttpBotApi client = OkHttpBotApi.builder(token).baseUrl(api.server.url("/").toString()).build();
    api.reply("{\"success\":true}");
    api.reply("{\"updates\":[],\"marker\":1}");

    client.leaveChat(5);
    client.getUpdates(UpdatesRequest.defaults());

    for (int i = 0; i < 2; i++) {
      RecordedRequest request = api.take();
      assertEquals(List.of(token), request.getUrl().queryParameterValues("access_token"));
    }
  }

  @Test
  void versionParameterCanBeChangedOrDisabled() throws Exception {
    api.reply("{\"success\":true}");
    api.reply("{\"success\":true}");

    api.client().apiVersion("0.6.0").build().leaveChat(5);
    api.client().apiVersion(null).build().leaveChat(5);

    assertEquals("0.6.0", api.take().getUrl().queryParameter("v"));
    assertEquals(List.of("access_token"),
        List.copyOf(api.take().getUrl().queryParameterNames()));
  }

  @Test
  void aLongPollWhoseAnswerNeverComesIsCutAtThePollTimeoutPlusTheMarginPlusTheWriteTimeout() {
    OkHttpClient client = new OkHttpClient.Builder().writeTimeout(Duration.ofMillis(100)).build();
    OkHttpBotApi api = this.api.client().httpClient(client).pollTimeoutMargin(Duration.ofMillis(300))
        .retryPolicy(RetryPolicy.none()).build();
    this.api.server.enqueue(held("{\"updates\":[],\"marker\":1}"));

    long start = System.nanoTime();
    ApiUnavailableException e = assertThrows(ApiUnavailableException.class,
        () -> api.getUpdates(UpdatesRequest.defaults().withTimeoutSeconds(1)));

    assertTrue(e.getMessage().contains("getUpdates: no complete answer within 1400 ms"), e.getMessage());
    assertTrue(e.noResponse());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(HELD_SECONDS / 2).toNanos(),
        "cut long before the server's answer");
  }

  @Test
  void aCallWhoseAnswerStallsIsCutAtTheClientsReadPlusWriteTimeout() {
    OkHttpClient client = new OkHttpClient.Builder()
        .readTimeout(Duration.ofMillis(300)).writeTimeout(Duration.ofMillis(100)).build();
    OkHttpBotApi api = this.api.client().httpClient(client).retryPolicy(RetryPolicy.none()).build();
    this.api.server.enqueue(held("{\"success\":true}"));

    ApiUnavailableException e = assertThrows(ApiUnavailableException.class, () -> api.leaveChat(5));

    assertTrue(e.getMessage().contains("leaveChat: no complete answer within 400 ms"), e.getMessage());
  }

  @Test
  void aClientWithoutReadTimeoutWaitsForItsAnswer() throws Exception {
    // A short write timeout: a deadline of the write timeout alone would cut this answer.
    OkHttpClient client = new OkHttpClient.Builder()
        .readTimeout(Duration.ZERO).writeTimeout(Duration.ofMillis(200)).build();
    OkHttpBotApi api = this.api.client().httpClient(client).retryPolicy(RetryPolicy.none()).build();
    this.api.server.enqueue(new MockResponse.Builder().headersDelay(1_500, TimeUnit.MILLISECONDS)
        .setHeader("Content-Type", "application/json").body("{\"success\":true}").build());

    api.leaveChat(5);

    assertEquals("/chats/5/members/me", this.api.take().getUrl().encodedPath());
  }

  // The main branch cleared OkHttp's callTimeout for a long poll: a user's whole-call limit for
  // ordinary calls must not cut a poll the server legitimately holds for its own timeout.
  @Test
  void aLongPollOutlivesTheCallTimeoutOfAUserSuppliedClient() {
    OkHttpClient client = new OkHttpClient.Builder().callTimeout(Duration.ofMillis(300)).build();
    OkHttpBotApi api = this.api.client().httpClient(client).retryPolicy(RetryPolicy.none()).build();
    this.api.server.enqueue(new MockResponse.Builder().headersDelay(1_500, TimeUnit.MILLISECONDS)
        .setHeader("Content-Type", "application/json").body("{\"updates\":[],\"marker\":4}").build());

    UpdateList page = api.getUpdates(UpdatesRequest.defaults().withTimeoutSeconds(5));

    assertEquals(4L, page.marker());
  }

  private static final long HELD_SECONDS = 60;

  /** An answer the server holds back for a minute before its headers. */
  private static MockResponse held(String body) {
    return new MockResponse.Builder().headersDelay(HELD_SECONDS, TimeUnit.SECONDS)
        .setHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void malformedJsonInASuccessfulAnswerIsReportedWithASnippetAndNotRetried() {
    OkHttpBotApi client = api.client().build();
    api.reply("{\"chat_id\": 5, \"title\": ");

    MalformedResponseException e =
        assertThrows(MalformedResponseException.class, () -> client.getChat(5));

    assertEquals(1, api.server.getRequestCount());
    assertEquals(200, e.status());
    assertEquals("getChat", e.operation());
    assertTrue(e.getMessage().startsWith("getChat: HTTP 200 body is not a valid Chat ("),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("'{\"chat_id\": 5, \"title\":'"), e.getMessage());
  }

  @Test
  void emptyOrNullAnswerIsMalformedToo() {
    OkHttpBotApi client = api.client().build();
    api.reply("null");
    api.reply("");

    MalformedResponseException nullBody =
        assertThrows(MalformedResponseException.class, () -> client.getMyInfo());
    MalformedResponseException emptyBody =
        assertThrows(MalformedResponseException.class, () -> client.getMyInfo());

    assertTrue(nullBody.getMessage().contains("not a valid BotInfo"), nullBody.getMessage());
    assertTrue(emptyBody.getMessage().contains("not a valid BotInfo"), emptyBody.getMessage());
  }

  @Test
  void environmentGivesTokenAndUrl() throws Exception {
    api.reply("{\"success\":true}");
    OkHttpBotApi client = OkHttpBotApi.fromEnvironment(Map.of(
        "TAMTAM_TOKEN", "env-token", "TAMTAM_API_URL", api.server.url("/").toString())).build();

    client.leaveChat(5);

    assertEquals("env-token", api.take().getUrl().queryParameter("access_token"));
  }

  @Test
  void theMaxDialectFromTheEnvironmentSendsTheTokenInTheHeader() throws Exception {
    api.reply("{\"success\":true}");
    OkHttpBotApi client = OkHttpBotApi.fromEnvironment(Map.of("TAMTAM_TOKEN", "env-token",
        "TAMTAM_DIALECT", "max", "TAMTAM_API_URL", api.server.url("/").toString())).build();

    client.leaveChat(5);

    RecordedRequest request = api.take();
    assertEquals("env-token", request.getHeaders().get("Authorization"));
    assertNull(request.getUrl().queryParameter("access_token"));
  }

  @Test
  void unreadableUpdatesOfAPageAreReportedByTypeAndTheRestAreKept() throws Exception {
    List<String> reported = new CopyOnWriteArrayList<>();
    api.reply("{\"updates\":[{\"update_type\":\"bot_started\",\"timestamp\":1,\"chat_id\":1,"
        + "\"user\":{\"user_id\":1,\"name\":\"A\",\"is_bot\":false,\"last_activity_time\":0}},"
        + "{\"update_type\":\"message_callback\",\"timestamp\":[]},null],\"marker\":7}");

    var page = api.client().onUnreadableUpdate(reported::add).build().getUpdates(UpdatesRequest.defaults());

    assertEquals(1, page.updates().size());
    assertEquals("bot_started", page.updates().get(0).updateType());
    assertEquals(7L, page.marker());
    assertEquals(List.of("message_callback", "(no update_type)"), reported);
    assertEquals(List.of("message_callback", "(no update_type)"),
        page.unreadable().stream().map(UnreadableUpdate::type).toList());
    assertEquals("null", page.unreadable().get(1).json());
    assertTrue(page.unreadable().get(0).reason().startsWith("MismatchedInputException at "),
        page.unreadable().get(0).reason());
  }

  // A page is bound in one pass unless one of its updates does not bind; the same update must be
  // read the same way on both paths, or a re-polled page could turn it into another type.
  @Test
  void anUpdateNamingItsTypeTwiceIsReadAsTheSameTypeWhateverElseItsPageHolds() {
    String twice = "{\"update_type\":\"bot_started\",\"update_type\":\"message_removed\","
        + "\"timestamp\":1,\"chat_id\":2,\"message_id\":\"m\",\"user_id\":3}";
    api.reply("{\"updates\":[" + twice + "],\"marker\":7}");
    api.reply("{\"updates\":[" + twice + ",{\"update_type\":\"message_callback\",\"timestamp\":[]}],\"marker\":7}");
    OkHttpBotApi client = api.client().build();

    UpdateList alone = client.getUpdates(UpdatesRequest.defaults());
    UpdateList beside = client.getUpdates(UpdatesRequest.defaults());

    assertEquals(1, beside.unreadable().size());
    assertEquals(beside.updates(), alone.updates());
  }

  // Long polling asks for a page again from an unmoved marker while one of its updates is slow.
  @Test
  void anUnreadableUpdateReadAgainInARepolledPageIsReportedOnce() throws Exception {
    List<String> reported = new CopyOnWriteArrayList<>();
    String page = "{\"updates\":[{\"update_type\":\"message_callback\",\"timestamp\":[]}],\"marker\":7}";
    api.reply(page);
    api.reply(page);
    OkHttpBotApi client = api.client().onUnreadableUpdate(reported::add).build();

    UpdateList first = client.getUpdates(UpdatesRequest.defaults());
    UpdateList again = client.getUpdates(UpdatesRequest.defaults());

    assertEquals(List.of("message_callback"), reported);
    assertEquals(1, first.unreadable().size());
    assertEquals(List.of(), again.unreadable(), "the page read again returns it no more");
  }

  @Test
  void environmentWithoutTokenIsAClearError() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> OkHttpBotApi.fromEnvironment(Map.of("TAMTAM_API_URL", "http://localhost:1")));

    assertEquals("TAMTAM_TOKEN is not set: the bot token is required", e.getMessage());
  }

  @Test
  void defaultBaseUrlIsTamTam() {
    assertEquals("https://botapi.tamtam.chat", OkHttpBotApiBuilder.DEFAULT_BASE_URL);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OkHttpBotApi.builder("t").baseUrl("botapi.tamtam.chat"));
    assertEquals("base url 'botapi.tamtam.chat' is not an http(s) URL", e.getMessage());
  }
}
