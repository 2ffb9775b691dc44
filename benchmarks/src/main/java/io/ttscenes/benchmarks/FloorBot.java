package io.ttscenes.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The survey of WORKLOAD.md with no framework, to show what its I/O alone costs on a machine:
 * OkHttp long polling and replies, Jackson for the updates, and per update exactly one Redis
 * round trip (a Lua script reading and writing the user's state atomically), on 8 worker threads.
 * Not a way to write bots: no retries, no outbox, and a page's marker is committed by the next
 * poll before its updates are handled (at most once). Settings: TAMTAM_API_URL, TAMTAM_TOKEN,
 * REDIS_URL, from the environment only.
 */
public final class FloorBot implements AutoCloseable {
  private static final int WORKERS = 8;
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String Q1 = "{\"text\":\"Q1\",\"attachments\":[{\"type\":\"inline_keyboard\",\"payload\":"
      + "{\"buttons\":[[{\"type\":\"callback\",\"text\":\"Yes\",\"payload\":\"q1:yes\"},"
      + "{\"type\":\"callback\",\"text\":\"No\",\"payload\":\"q1:no\"}]]}}]}";
  private final ObjectMapper json = new ObjectMapper();
  private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(45, TimeUnit.SECONDS)
      .connectionPool(new ConnectionPool(WORKERS + 2, 5, TimeUnit.MINUTES)).build();
  private final HttpUrl base;
  private final String token;
  private final FloorState state;
  private final List<ExecutorService> lanes = new ArrayList<>();
  private final Thread poller = new Thread(this::poll, "floor-poller");
  private volatile boolean running = true;
  private volatile Call polling;

  private FloorBot(HttpUrl base, String token, URI redisUrl) {
    this.base = base;
    this.token = token;
    this.state = new FloorState(redisUrl, WORKERS);
    for (int i = 0; i < WORKERS; i++) {
      String name = "floor-worker-" + i;
      lanes.add(Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
      }));
    }
  }

  /**
   * Starts polling with the settings in {@code env}; throws {@link IllegalArgumentException}
   * naming a missing setting and Jedis' exceptions when Redis cannot be reached.
   */
  public static FloorBot start(Map<String, String> env) {
    HttpUrl base = HttpUrl.get(setting(env, "TAMTAM_API_URL"));
    FloorBot bot = new FloorBot(base, setting(env, "TAMTAM_TOKEN"), URI.create(setting(env, "REDIS_URL")));
    bot.poller.start();
    return bot;
  }

  /** Runs the bot from the process environment until the JVM is stopped (e.g. by SIGTERM). */
  public static void main(String[] args) throws InterruptedException {
    FloorBot bot = start(System.getenv());
    Runtime.getRuntime().addShutdownHook(new Thread(bot::close, "floor-shutdown"));
    bot.poller.join();
  }

  /** Stops polling, lets the workers finish what they hold (up to 5 s) and closes the clients. */
  @Override
  public void close() {
    running = false;
    Call call = polling;
    if (call != null) {
      call.cancel();
    }
    lanes.forEach(ExecutorService::shutdown);
    try {
      poller.join(5_000);
      for (ExecutorService lane : lanes) {
        lane.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    state.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private void poll() {
    String marker = null;
    while (running) {
      HttpUrl.Builder url = url("updates").addQueryParameter("limit", "1000").addQueryParameter("timeout", "30");
      if (marker != null) {
        url.addQueryParameter("marker", marker);
      }
      Call call = http.newCall(new Request.Builder().url(url.build()).build());
      polling = call;
      try (Response response = call.execute()) {
        JsonNode page = json.readTree(checked(response).body().byteStream());
        page.path("updates").forEach(this::dispatch);
        marker = page.path("marker").isIntegralNumber() ? page.path("marker").asText() : marker;
      } catch (IOException | RuntimeException e) {
        if (running) {
          System.err.println("floor: poll failed, polling again in 1 s: " + e);
          pause();
        }
      }
    }
  }

  private void dispatch(JsonNode update) {
    long chat = update.has("chat_id") ? update.path("chat_id").asLong()
        : update.path("message").path("recipient").path("chat_id").asLong();
    // A user's updates always go to the same single-thread lane, so they are handled in order.
    // In this workload a user has one update in flight at a time anyway, but nothing here relies on it.
    lanes.get(Math.floorMod(Long.hashCode(chat), WORKERS)).execute(() -> {
      try {
        handle(update, chat);
      } catch (IOException | RuntimeException e) {
        System.err.println("floor: update for chat " + chat + " failed: " + e);
      }
    });
  }

  private void handle(JsonNode update, long chat) throws IOException {
    switch (update.path("update_type").asText()) {
      case "bot_started" -> {
        state.exchange(chat, "*", "scene", "q1", "promo", update.path("payload").asText(""), "q1", "", "answer", "");
        post("messages", "chat_id", chat, Q1);
      }
      case "message_callback" -> {
        JsonNode callback = update.path("callback");
        String choice = callback.path("payload").asText("").replaceFirst("^q1:", "");
        boolean open = state.exchange(chat, "q1", "q1", choice, "scene", "q2").get(0).equals("q1");
        post("answers", "callback_id", callback.path("callback_id").asText(),
            text("notification", open ? "Noted: " + choice : "This question is closed."));
        if (open) {
          post("messages", "chat_id", chat, text("text", "Q2"));
        }
      }
      case "message_created" -> answer(chat, update.path("message").path("body").path("text").asText(""));
      default -> { } // Not part of the survey.
    }
  }

  private void answer(long chat, String text) throws IOException {
    if (text.equals("/status")) {
      List<String> s = state.exchange(chat, "*");
      post("messages", "chat_id", chat, text("text", s.get(3).isEmpty() ? "No survey answered yet."
          : "Stored: Q1: " + s.get(2) + "; Q2: " + s.get(3) + "; promo: " + s.get(1)));
    } else {
      List<String> prev = state.exchange(chat, "q2", "answer", text, "scene", "");
      if (prev.get(0).equals("q2")) {
        post("messages", "chat_id", chat, text("text", "Thanks! Q1: " + prev.get(2) + "; Q2: " + text
            + "; promo: " + prev.get(1)));
      }
    }
  }

  private String text(String field, String value) {
    return json.createObjectNode().put(field, value).toString();
  }

  private void post(String path, String param, Object value, String body) throws IOException {
    Request request = new Request.Builder().url(url(path).addQueryParameter(param, value.toString()).build())
        .post(RequestBody.create(body, JSON)).build();
    try (Response response = http.newCall(request).execute()) {
      checked(response);
    }
  }

  private HttpUrl.Builder url(String path) {
    return base.newBuilder().addPathSegment(path).addQueryParameter("access_token", token);
  }

  private static Response checked(Response response) throws IOException {
    if (!response.isSuccessful()) {
      throw new IOException(response.request().url().encodedPath() + " answered " + response.code()
          + ": " + response.body().string());
    }
    return response;
  }

  private static void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String setting(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is not set; FloorBot reads TAMTAM_API_URL, TAMTAM_TOKEN and REDIS_URL");
    }
    return value;
  }
}
