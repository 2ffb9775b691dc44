package io.ttscenes.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.client.UpdatesRequest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * OkHttp hands a client's EventListener the request as written and the responses read, which for
 * the signing client hold the bot token; a listener of the user's client (OkHttp's
 * LoggingEventListener, a metrics one) must get them without it, and still get every event.
 */
final class EventListenerConfidentialityTest {
  private final ApiServer api = new ApiServer();

  EventListenerConfidentialityTest() throws Exception {}

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aUsersEventListenerNeverSeesTheTokenInEitherAuthModeAndStillGetsTheEvents() throws Exception {
    for (AuthMode mode : AuthMode.values()) {
      Recording events = new Recording();
      OkHttpClient client = new OkHttpClient.Builder().eventListener(events).build();
      OkHttpBotApi bot = api.client().httpClient(client).authMode(mode).build();
      api.reply("{\"success\":true}");
      // A redirect within the API's origin: followUpDecision and a prior response.
      api.server.enqueue(new MockResponse.Builder().code(307).setHeader("Location", "/chats/5/members/me").build());
      api.reply("{\"success\":true}");
      api.reply("{\"updates\":[],\"marker\":4}");

      bot.leaveChat(5);
      bot.leaveChat(5);
      assertEquals(4L, bot.getUpdates(UpdatesRequest.defaults().withTimeoutSeconds(1)).marker());

      assertSigned(mode, api.take());
      assertSigned(mode, api.take());
      assertSigned(mode, api.take());
      assertSigned(mode, api.take());
      String log = String.join("\n", events.lines);
      for (String event : List.of("callStart", "connectionAcquired", "requestHeadersStart", "requestHeadersEnd",
          "responseHeadersStart", "responseHeadersEnd", "responseBodyStart", "responseBodyEnd",
          "followUpDecision", "connectionReleased", "callEnd")) {
        assertTrue(log.contains(event + "("), mode + ": no " + event + " event in\n" + log);
      }
      assertEquals(3, events.count("callEnd("), log);
      assertTrue(log.contains("/chats/5/members/me"), log);
      assertFalse(log.contains(ApiServer.TOKEN), mode + ": the token reached the user's EventListener:\n" + log);
    }
  }

  @Test
  void aUsersCacheAndARedirectToAnotherHostGiveTheUsersEventListenerNoToken() throws Exception {
    for (AuthMode mode : AuthMode.values()) {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("evl-cache");
      try (mockwebserver3.MockWebServer other = new mockwebserver3.MockWebServer()) {
        other.start();
        Recording events = new Recording();
        okhttp3.Cache cache = new okhttp3.Cache(okio.FileSystem.SYSTEM, okio.Path.get(dir.toString()), 1 << 20);
        OkHttpClient client = new OkHttpClient.Builder().eventListener(events).cache(cache).build();
        OkHttpBotApi bot = api.client().httpClient(client).authMode(mode).build();
        // A cacheable poll answer: the second identical poll is a cache hit.
        api.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
            .setHeader("Cache-Control", "max-age=600").body("{\"updates\":[],\"marker\":4}").build());
        // A redirect from the API's origin to another host.
        api.server.enqueue(new MockResponse.Builder().code(307)
            .setHeader("Location", other.url("/elsewhere").toString()).build());
        other.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
            .body("{\"success\":true}").build());

        UpdatesRequest poll = UpdatesRequest.defaults().withTimeoutSeconds(1);
        assertEquals(4L, bot.getUpdates(poll).marker());
        assertEquals(4L, bot.getUpdates(poll).marker());
        bot.leaveChat(5);

        assertSigned(mode, api.take());
        assertSigned(mode, api.take());
        mockwebserver3.RecordedRequest elsewhere = other.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals("/elsewhere", elsewhere.getUrl().encodedPath());
        assertEquals(null, elsewhere.getUrl().queryParameter("access_token"));
        assertEquals(null, elsewhere.getHeaders().get("Authorization"));
        String log = String.join("\n", events.lines);
        for (String event : List.of("cacheMiss", "cacheHit", "followUpDecision")) {
          assertTrue(log.contains(event + "("), mode + ": no " + event + " event in\n" + log);
        }
        assertTrue(log.contains("/elsewhere"), log);
        assertFalse(log.contains(ApiServer.TOKEN), mode + ": the token reached the user's EventListener:\n" + log);
        cache.flush();
        try (var files = java.nio.file.Files.walk(dir)) {
          for (java.nio.file.Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
            String text = new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(ApiServer.TOKEN), mode + ": the token is in the user's cache file " + file);
          }
        }
        cache.close();
      }
    }
  }

  @Test
  void aUsersEventListenerFactoryGetsOneListenerPerCallWithoutTheToken() throws Exception {
    List<Recording> created = new CopyOnWriteArrayList<>();
    OkHttpClient client = new OkHttpClient.Builder().eventListenerFactory(call -> {
      Recording listener = new Recording();
      created.add(listener);
      return listener;
    }).build();
    OkHttpBotApi bot = api.client().httpClient(client).authMode(AuthMode.HEADER).build();
    api.reply("{\"success\":true}");
    api.reply("{\"success\":true}");

    bot.leaveChat(5);
    bot.leaveChat(6);

    assertEquals(2, created.size());
    for (Recording listener : created) {
      String log = String.join("\n", listener.lines);
      assertEquals(1, listener.count("requestHeadersEnd("), log);
      assertEquals(1, listener.count("callEnd("), log);
      assertFalse(log.contains(ApiServer.TOKEN), log);
    }
  }

  @Test
  void anUploadTravelsWithoutTheTokenAndItsEventsStillReachTheUsersListener() throws Exception {
    Recording events = new Recording();
    OkHttpClient client = new OkHttpClient.Builder().eventListener(events).build();
    api.reply("{\"url\":\"" + api.server.url("/upload/img") + "\"}");
    api.reply("{\"photos\":{\"big\":{\"token\":\"ph-1\"}}}");

    api.client().httpClient(client).build()
        .uploadImage(io.ttscenes.api.client.UploadSource.of("cat.png", new byte[] {1, 2, 3}));

    assertSigned(AuthMode.QUERY, api.take());
    mockwebserver3.RecordedRequest upload = api.take();
    assertEquals("/upload/img", upload.getUrl().encodedPath());
    assertEquals(null, upload.getUrl().queryParameter("access_token"), upload.getUrl().toString());
    assertEquals(null, upload.getHeaders().get("Authorization"));
    String log = String.join("\n", events.lines);
    assertEquals(2, events.count("callEnd("), log);
    assertTrue(log.contains("/upload/img"), log);
    assertFalse(log.contains(ApiServer.TOKEN), "the token reached the user's EventListener:\n" + log);
  }

  @Test
  void theRedactingListenerForwardsEveryEventOfOkHttpsEventListener() {
    TreeSet<String> missing = new TreeSet<>();
    for (Method method : EventListener.class.getDeclaredMethods()) {
      int modifiers = method.getModifiers();
      if (!Modifier.isPublic(modifiers) || Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)) {
        continue;
      }
      try {
        Method own = RedactingEventListener.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
        if (own.getDeclaringClass() != RedactingEventListener.class) {
          missing.add(method.toString());
        }
      } catch (NoSuchMethodException e) {
        missing.add(method.toString());
      }
    }
    assertTrue(missing.isEmpty(), "events not forwarded (OkHttp would drop them silently): " + missing);
    assertTrue(new Recording().lines.isEmpty()); // the recording listener below overrides them all too
    for (Method method : EventListener.class.getDeclaredMethods()) {
      int modifiers = method.getModifiers();
      if (Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers)) {
        try {
          Recording.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException e) {
          throw new AssertionError("the test's recording listener misses " + method, e);
        }
      }
    }
  }

  private static void assertSigned(AuthMode mode, mockwebserver3.RecordedRequest sent) {
    if (mode == AuthMode.QUERY) {
      assertEquals(ApiServer.TOKEN, sent.getUrl().queryParameter("access_token"), sent.getUrl().toString());
    } else {
      assertEquals(ApiServer.TOKEN, sent.getHeaders().get("Authorization"));
    }
  }

  /** Writes every argument of every event out in full (OkHttp's own toString hides header values). */
  static final class Recording extends EventListener {
    final List<String> lines = new CopyOnWriteArrayList<>();

    int count(String prefix) {
      return (int) lines.stream().filter(line -> line.startsWith(prefix)).count();
    }

    private void record(String event, Object... args) {
      List<String> texts = new ArrayList<>();
      for (Object arg : args) {
        texts.add(text(arg));
      }
      lines.add(event + "(" + String.join(", ", texts) + ")");
    }

    private static String text(Object arg) {
      if (arg instanceof Call call) {
        return "Call[" + text(call.request()) + "]";
      }
      if (arg instanceof Request request) {
        return "Request[" + request.method() + " " + request.url() + " " + text(request.headers())
            + " " + request + "]";
      }
      if (arg instanceof Response response) {
        return "Response[" + response.code() + " " + text(response.headers()) + " " + response
            + " request=" + text(response.request())
            + " prior=" + text(response.priorResponse())
            + " network=" + text(response.networkResponse())
            + " cache=" + text(response.cacheResponse()) + "]";
      }
      if (arg instanceof Headers headers) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < headers.size(); i++) {
          out.append(headers.name(i)).append('=').append(headers.value(i)).append(';');
        }
        return out.append('}').toString();
      }
      if (arg instanceof Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
          out.append(t).append(" / ");
        }
        return out.toString();
      }
      if (arg instanceof Object[] array) {
        return Arrays.deepToString(array);
      }
      return String.valueOf(arg);
    }

    @Override public void callStart(Call call) { record("callStart", call); }
    @Override public void dispatcherQueueStart(Call call, Dispatcher dispatcher) { record("dispatcherQueueStart", call, dispatcher); }
    @Override public void dispatcherQueueEnd(Call call, Dispatcher dispatcher) { record("dispatcherQueueEnd", call, dispatcher); }
    @Override public void proxySelectStart(Call call, HttpUrl url) { record("proxySelectStart", call, url); }
    @Override public void proxySelectEnd(Call call, HttpUrl url, List<Proxy> proxies) { record("proxySelectEnd", call, url, proxies); }
    @Override public void dnsStart(Call call, String domainName) { record("dnsStart", call, domainName); }
    @Override public void dnsEnd(Call call, String domainName, List<InetAddress> addresses) { record("dnsEnd", call, domainName, addresses); }
    @Override public void connectStart(Call call, InetSocketAddress address, Proxy proxy) { record("connectStart", call, address, proxy); }
    @Override public void secureConnectStart(Call call) { record("secureConnectStart", call); }
    @Override public void secureConnectEnd(Call call, Handshake handshake) { record("secureConnectEnd", call, handshake); }
    @Override public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) { record("connectEnd", call, address, proxy, protocol); }
    @Override public void connectFailed(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol, IOException e) { record("connectFailed", call, address, proxy, protocol, e); }
    @Override public void connectionAcquired(Call call, Connection connection) { record("connectionAcquired", call, connection); }
    @Override public void connectionReleased(Call call, Connection connection) { record("connectionReleased", call, connection); }
    @Override public void requestHeadersStart(Call call) { record("requestHeadersStart", call); }
    @Override public void requestHeadersEnd(Call call, Request request) { record("requestHeadersEnd", call, request); }
    @Override public void requestBodyStart(Call call) { record("requestBodyStart", call); }
    @Override public void requestBodyEnd(Call call, long byteCount) { record("requestBodyEnd", call, byteCount); }
    @Override public void requestFailed(Call call, IOException e) { record("requestFailed", call, e); }
    @Override public void responseHeadersStart(Call call) { record("responseHeadersStart", call); }
    @Override public void responseHeadersEnd(Call call, Response response) { record("responseHeadersEnd", call, response); }
    @Override public void responseBodyStart(Call call) { record("responseBodyStart", call); }
    @Override public void responseBodyEnd(Call call, long byteCount) { record("responseBodyEnd", call, byteCount); }
    @Override public void responseFailed(Call call, IOException e) { record("responseFailed", call, e); }
    @Override public void callEnd(Call call) { record("callEnd", call); }
    @Override public void callFailed(Call call, IOException e) { record("callFailed", call, e); }
    @Override public void canceled(Call call) { record("canceled", call); }
    @Override public void satisfactionFailure(Call call, Response response) { record("satisfactionFailure", call, response); }
    @Override public void cacheHit(Call call, Response response) { record("cacheHit", call, response); }
    @Override public void cacheMiss(Call call) { record("cacheMiss", call); }
    @Override public void cacheConditionalHit(Call call, Response cachedResponse) { record("cacheConditionalHit", call, cachedResponse); }
    @Override public void retryDecision(Call call, IOException e, boolean retry) { record("retryDecision", call, e, retry); }
    @Override public void followUpDecision(Call call, Response networkResponse, Request nextRequest) { record("followUpDecision", call, networkResponse, nextRequest); }
  }
}
