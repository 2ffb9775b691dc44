package io.ttscenes.runtime.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.ttscenes.runtime.client.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A scripted TamTam Bot API on MockWebServer (loopback): {@code GET /updates} with marker
 * semantics (passing a marker commits the updates before it; markers are {@link #BASE} + the
 * index of the next update), long-poll waits, and recorded {@code POST /messages} and
 * {@code POST /answers}. Scripted responses can replace the next polls (429, 503, garbage).
 * Thread-safe: every method locks the one monitor, which waiters also wait on.
 */
public final class FakeTamTam implements AutoCloseable {
  /** The marker of the first update; markers are BASE + index. */
  public static final long BASE = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SAFETY = Duration.ofSeconds(20);

  private final MockWebServer server = new MockWebServer();
  private final List<String> updates = new ArrayList<>();
  private final Deque<MockResponse> scriptedPolls = new ArrayDeque<>();
  private final List<String> polls = new ArrayList<>();
  private final List<JsonNode> messages = new ArrayList<>();
  private final List<JsonNode> answers = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private int committed;
  private volatile String username;
  private boolean closed;

  private FakeTamTam() {}

  /** Starts a fake on a free loopback port. */
  public static FakeTamTam start() throws IOException {
    FakeTamTam fake = new FakeTamTam();
    fake.server.setDispatcher(fake.new Routes());
    fake.server.start();
    return fake;
  }

  /** The base URL for TAMTAM_API_URL. */
  public String url() {
    return server.url("/").toString();
  }

  /** A client for this fake that does not retry by itself, so callers see every failure. */
  public OkHttpBotApi client() {
    return OkHttpBotApi.builder("test-token").baseUrl(url()).retryPolicy(RetryPolicy.none())
        .requestsPerSecond(1_000_000).build();
  }

  /** Appends updates (raw JSON objects) to the queue TamTam delivers. */
  public synchronized void push(String... updateJson) {
    updates.addAll(List.of(updateJson));
    notifyAll();
  }

  /** The next polls get these responses instead of updates, in order. */
  public synchronized void scriptPolls(MockResponse... responses) {
    scriptedPolls.addAll(List.of(responses));
  }

  /** Adds a line to the shared event log (the fake logs "poll:<marker>" and "message:<text>"). */
  public synchronized void note(String event) {
    events.add(event);
  }

  public synchronized List<String> events() {
    return List.copyOf(events);
  }

  /** The marker of each poll so far, "none" when the poll passed none. */
  public synchronized List<String> polledMarkers() {
    return List.copyOf(polls);
  }

  /** The marker up to which TamTam considers updates committed. */
  public synchronized long committedMarker() {
    return BASE + committed;
  }

  public synchronized List<JsonNode> messages() {
    return List.copyOf(messages);
  }

  public synchronized List<JsonNode> answers() {
    return List.copyOf(answers);
  }

  /** Every HTTP request this server received, of any kind. */
  public int requestCount() {
    return server.getRequestCount();
  }

  /** The texts of the sent messages, in order. */
  public synchronized List<String> texts() {
    return messages.stream().map(m -> m.path("text").asText()).toList();
  }

  /** Waits (20 s safety net) until {@code count} messages were sent; returns their texts. */
  public List<String> awaitTexts(int count) throws InterruptedException {
    await(f -> f.messages.size() >= count, SAFETY, "messages: " + count);
    return texts();
  }

  /** Waits (20 s safety net) until {@code count} callback answers were sent. */
  public List<JsonNode> awaitAnswers(int count) throws InterruptedException {
    await(f -> f.answers.size() >= count, SAFETY, "answers: " + count);
    return answers();
  }

  /** Waits until a poll passed {@code marker}; gives up after {@code within} and returns false. */
  public boolean awaitPollWith(long marker, Duration within) throws InterruptedException {
    return tryAwait(f -> f.polls.contains(Long.toString(marker)), within);
  }

  /** Waits (20 s safety net) until {@code count} polls arrived. */
  public void awaitPolls(int count) throws InterruptedException {
    await(f -> f.polls.size() >= count, SAFETY, "polls: " + count);
  }

  private void await(Predicate<FakeTamTam> done, Duration within, String what) throws InterruptedException {
    if (!tryAwait(done, within)) {
      throw new AssertionError("timed out waiting for " + what + "; events so far: " + events());
    }
  }

  private synchronized boolean tryAwait(Predicate<FakeTamTam> done, Duration within) throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    while (!done.test(this)) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    server.close();
  }

  private synchronized MockResponse poll(RecordedRequest request) throws InterruptedException {
    String markerParam = request.getUrl().queryParameter("marker");
    polls.add(markerParam == null ? "none" : markerParam);
    events.add("poll:" + (markerParam == null ? "none" : markerParam));
    notifyAll();
    if (markerParam != null) {
      committed = Math.max(committed, (int) (Long.parseLong(markerParam) - BASE));
    }
    if (!scriptedPolls.isEmpty()) {
      return scriptedPolls.poll();
    }
    int limit = intParam(request, "limit", 100);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(intParam(request, "timeout", 30));
    while (updates.size() <= committed && !closed && System.nanoTime() < end) {
      TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, end - System.nanoTime()));
    }
    List<String> page = updates.subList(committed, Math.min(updates.size(), committed + limit));
    return json(200, "{\"updates\":[" + String.join(",", page) + "],\"marker\":"
        + (BASE + committed + page.size()) + "}");
  }

  private synchronized MockResponse record(List<JsonNode> into, RecordedRequest request, String kind) {
    try {
      JsonNode body = JSON.readTree(request.getBody().utf8());
      into.add(body);
      events.add(kind + ":" + body.path("text").asText(body.toString()));
      notifyAll();
    } catch (IOException e) {
      return json(400, "{\"code\":\"proto.payload\",\"message\":\"bad json\"}");
    }
    if (kind.equals("answer")) {
      return json(200, "{\"success\":true}");
    }
    String chat = request.getUrl().queryParameter("chat_id");
    String user = request.getUrl().queryParameter("user_id");
    return json(200, "{\"message\":{\"recipient\":{\"chat_id\":" + (chat != null ? chat : user)
        + ",\"chat_type\":\"dialog\"},\"timestamp\":1,\"body\":{\"mid\":\"mid.sent" + messages.size()
        + "\",\"seq\":1,\"text\":\"\"}}}");
  }

  private synchronized MockResponse subscription(RecordedRequest request) {
    String url = request.getMethod().equals("DELETE") ? request.getUrl().queryParameter("url")
        : request.getBody().utf8();
    events.add((request.getMethod().equals("DELETE") ? "unsubscribe:" : "subscribe:") + url);
    notifyAll();
    return json(200, "{\"success\":true}");
  }

  private static int intParam(RecordedRequest request, String name, int fallback) {
    String value = request.getUrl().queryParameter(name);
    return value == null ? fallback : Integer.parseInt(value);
  }

  /** Makes {@code GET /me} answer with this username (by default it answers 404). */
  public void botUsername(String name) {
    this.username = name;
  }

  private MockResponse me() {
    String name = username;
    return name == null ? json(404, "{\"code\":\"not.found\",\"message\":\"no route GET /me\"}")
        : json(200, "{\"user_id\":1,\"name\":\"Bot\",\"username\":\"" + name
            + "\",\"is_bot\":true,\"last_activity_time\":0}");
  }

  /** A JSON response with {@code status}. */
  public static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
        .body(body).build();
  }

  private final class Routes extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      String path = request.getUrl().encodedPath();
      String method = request.getMethod();
      if (method.equals("GET") && path.equals("/updates")) {
        return poll(request);
      }
      if (method.equals("GET") && path.equals("/me")) {
        return me();
      }
      if (method.equals("POST") && path.equals("/messages")) {
        return record(messages, request, "message");
      }
      if (method.equals("POST") && path.equals("/answers")) {
        return record(answers, request, "answer");
      }
      if (path.equals("/subscriptions") && (method.equals("POST") || method.equals("DELETE"))) {
        return subscription(request);
      }
      return json(404, "{\"code\":\"not.found\",\"message\":\"no route " + method + " " + path + "\"}");
    }
  }
}
