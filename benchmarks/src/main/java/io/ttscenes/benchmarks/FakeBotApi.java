package io.ttscenes.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server side of WORKLOAD.md on {@code 127.0.0.1}: {@code GET /updates} with marker semantics
 * and long waits, {@code POST /messages} and {@code POST /answers}. Every user's first update is
 * released when the bot first polls; a user's next update when the bot's message for the previous
 * one arrives. It counts API calls, records latencies and checks the final {@code /status}
 * replies. Runs on the JDK's HTTP server with a small pool; {@link #close()} stops it.
 */
public final class FakeBotApi implements AutoCloseable {
  private static final int THREADS = 3;
  private static final byte[] OK = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService pool;
  private final UpdateFeed feed = new UpdateFeed();
  private final Conversations conversations;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();

  static {
    // Without it the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a call.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private FakeBotApi(int users, int port) throws IOException {
    this.conversations = new Conversations(users, feed);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
    this.pool = Executors.newFixedThreadPool(THREADS, runnable -> {
      Thread thread = new Thread(runnable, "fake-bot-api");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(pool);
    server.createContext("/", exchange -> serve(exchange, this::route));
  }

  /**
   * Starts a server for {@code users} users on {@code port} of the loopback address (0: a free
   * port); throws {@link UncheckedIOException} when it cannot listen there.
   */
  public static FakeBotApi start(int users, int port) {
    if (users < 1) {
      throw new IllegalArgumentException("users is " + users + "; it must be >= 1");
    }
    try {
      FakeBotApi api = new FakeBotApi(users, port);
      api.server.start();
      return api;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  /** Returns the base URL the bot should use as {@code TAMTAM_API_URL}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Returns the port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Waits up to {@code timeout} for every user to finish the survey; returns whether they did. */
  public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
    return conversations.await(timeout, unit);
  }

  /** Returns the figures measured so far (users still going count as errors). */
  public Figures figures() {
    return conversations.figures(calls.get());
  }

  /** Stops the server at once; waiting polls are cut. */
  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  private interface Route {
    byte[] answer(HttpExchange exchange, Query query) throws Exception;
  }

  private void serve(HttpExchange exchange, Route route) throws IOException {
    calls.incrementAndGet();
    try (exchange) {
      byte[] body;
      int status = 200;
      try {
        body = route.answer(exchange, Query.parse(exchange.getRequestURI().getRawQuery()));
      } catch (NotFound e) {
        status = 404;
        body = ("{\"code\":\"not.found\",\"message\":\"" + e.getMessage() + "\"}")
            .getBytes(StandardCharsets.UTF_8);
      } catch (Exception e) {
        status = 400;
        body = ("{\"code\":\"bad.request\",\"message\":\"" + e.getClass().getSimpleName() + "\"}")
            .getBytes(StandardCharsets.UTF_8);
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private byte[] route(HttpExchange exchange, Query query) throws Exception {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    if (method.equals("GET") && path.equals("/updates")) {
      return poll(query);
    }
    if (method.equals("POST") && path.equals("/messages")) {
      return message(exchange, query);
    }
    if (method.equals("POST") && path.equals("/answers")) {
      drain(exchange.getRequestBody());
      return OK;
    }
    drain(exchange.getRequestBody());
    throw new NotFound(method + " " + path);
  }

  private byte[] poll(Query query) throws InterruptedException {
    conversations.start();
    Optional<Long> marker = query.longValue("marker");
    int limit = query.longValue("limit").map(Long::intValue).orElse(100);
    long timeoutMillis = query.longValue("timeout").orElse(30L) * 1000;
    UpdateFeed.Batch batch = feed.poll(marker.orElse(null), Math.max(1, Math.min(limit, 1000)), timeoutMillis);
    StringBuilder out = new StringBuilder(64 + batch.updates().size() * 400).append("{\"updates\":[");
    for (int i = 0; i < batch.updates().size(); i++) {
      out.append(i == 0 ? "" : ",").append(batch.updates().get(i));
    }
    return out.append("],\"marker\":").append(batch.marker()).append('}').toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  private byte[] message(HttpExchange exchange, Query query) throws IOException {
    JsonNode body = json.readTree(exchange.getRequestBody());
    long recipient = query.longValue("chat_id").or(() -> query.longValue("user_id"))
        .orElseThrow(() -> new NotFound("POST /messages needs chat_id or user_id"));
    String text = body.path("text").asText("");
    String mid = "mid.b." + sent.incrementAndGet();
    conversations.message((int) (recipient - SurveyUpdates.ID_BASE), text, mid);
    return ("{\"message\":{\"sender\":{\"user_id\":1,\"name\":\"survey\",\"username\":\"survey_bot\","
        + "\"is_bot\":true,\"last_activity_time\":0},\"recipient\":{\"chat_id\":" + recipient
        + ",\"chat_type\":\"dialog\",\"user_id\":" + recipient + "},\"timestamp\":"
        + System.currentTimeMillis() + ",\"body\":{\"mid\":\"" + mid + "\",\"seq\":1,\"text\":"
        + json.writeValueAsString(text) + "}}}").getBytes(StandardCharsets.UTF_8);
  }

  private static void drain(InputStream in) throws IOException {
    in.transferTo(OutputStream.nullOutputStream());
  }

  private static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound(String what) {
      super(what);
    }
  }

  /**
   * Runs the server until every user finished or the time is up, then prints the figures line.
   * Arguments: {@code --users N} (2000), {@code --port P} (0: free), {@code --timeout-seconds S}
   * (120); the chosen port is printed first as {@code listening PORT}.
   */
  public static void main(String[] args) throws InterruptedException {
    Options options = Options.parse(args);
    try (FakeBotApi api = start(options.users(), options.port())) {
      System.out.println("listening " + api.port());
      System.out.flush();
      api.awaitFinished(options.timeoutSeconds(), TimeUnit.SECONDS);
      double cpu = ProcessCpu.seconds();
      System.out.println("fake-api: " + api.figures().line()
          + String.format(java.util.Locale.ROOT, " server_cpu_s=%.2f", cpu));
      System.out.flush();
    }
  }
}
