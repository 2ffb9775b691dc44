package io.ttscenes.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server side of WORKLOAD.md on {@code 127.0.0.1}: {@code GET /updates} with marker semantics
 * and long waits, {@code POST /messages} and {@code POST /answers}. Every user's first update is
 * released when the bot first polls; a user's next update when the bot's message for the previous
 * one arrives, and a waiting poll is answered at once. It counts API calls, records latencies and
 * checks the final {@code /status} replies. One event-loop thread serves everything, so the
 * server costs little next to the bot; {@link #close()} stops it.
 *
 * <p>In the steady shape ({@code arrivalsPerSecond} above 0) only user 0's first update comes with
 * the first poll; the others arrive at that rate, checked on every turn of the loop, whether or
 * not the bot has answered anyone (open loop).
 *
 * <p>With warm-up users, the first poll releases those instead (their own ids, see
 * {@link SurveyUpdates#WARM_UP}); once they all finished, {@code POST /_bench/start} releases the
 * measured users. The measured figures and the API calls counted leave the warm-up out.
 */
public final class FakeBotApi implements AutoCloseable {
  /** The driver's go: releases the measured users once the warm-up users finished. */
  static final String START_PATH = "/_bench/start";
  /** How many first seconds {@link #timeline()} shows one by one. */
  static final int TIMELINE_SECONDS = 4;
  private static final byte[] OK = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);

  /** A long poll waiting for updates. */
  private record Parked(LoopServer.Exchange exchange, Long marker, int limit, long deadlineNanos) {}

  private final LoopServer server;
  private final UpdateFeed feed = new UpdateFeed();
  private final Conversations conversations;
  private final Conversations warmUp;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicLong calls = new AtomicLong();
  private final List<Parked> parked = new ArrayList<>();
  private volatile long callsBeforeMeasured;
  private volatile double cpuBeforeMeasured = -1;
  private long sent;

  private FakeBotApi(int users, int warmupUsers, Arrivals arrivals, int port) {
    this.conversations = new Conversations(users, SurveyUpdates.MEASURED, feed, arrivals);
    this.warmUp = new Conversations(warmupUsers, SurveyUpdates.WARM_UP, feed);
    this.server = new LoopServer(port, new LoopServer.Handler() {
      @Override
      public void handle(HttpRequest request, LoopServer.Exchange exchange) {
        serve(request, exchange);
      }

      @Override
      public void tick(long nowNanos) {
        expire(nowNanos);
        if (conversations.arrive(nowNanos) > 0) {
          answerParked();
        }
      }
    });
  }

  /**
   * Starts a server for {@code users} users on {@code port} of the loopback address (0: a free
   * port); throws {@link java.io.UncheckedIOException} when it cannot listen there.
   */
  public static FakeBotApi start(int users, int port) {
    return start(users, 0, port);
  }

  /**
   * Starts a server for {@code users} measured users preceded by {@code warmupUsers} warm-up
   * users (0: none) on {@code port} (0: a free port); throws {@link IllegalArgumentException} for
   * counts out of range and {@link java.io.UncheckedIOException} when it cannot listen.
   */
  public static FakeBotApi start(int users, int warmupUsers, int port) {
    return start(users, warmupUsers, 0, port);
  }

  /**
   * Starts a server as {@link #start(int, int, int)} does whose measured users arrive
   * {@code arrivalsPerSecond} a second from the first release (0: all at once); throws
   * {@link IllegalArgumentException} for a negative or non-finite rate too.
   */
  public static FakeBotApi start(int users, int warmupUsers, double arrivalsPerSecond, int port) {
    if (users < 1) {
      throw new IllegalArgumentException("users is " + users + "; it must be >= 1");
    }
    FakeBotApi api = new FakeBotApi(users, warmupUsers, new Arrivals(arrivalsPerSecond), port);
    api.server.start();
    return api;
  }

  /** Returns the base URL the bot should use as {@code TAMTAM_API_URL}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** Returns the port the server listens on. */
  public int port() {
    return server.port();
  }

  /** Waits up to {@code timeout} for every user to finish the survey; returns whether they did. */
  public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
    return conversations.await(timeout, unit);
  }

  /** Waits up to {@code timeout} for every warm-up user to finish; true at once without any. */
  public boolean awaitWarmedUp(long timeout, TimeUnit unit) throws InterruptedException {
    return warmUp.await(timeout, unit);
  }

  /**
   * The measured latencies by the second their update was released in (the first
   * {@value #TIMELINE_SECONDS} one by one, then the rest): count, p50, p99 and max in ms.
   */
  public String timeline() {
    return conversations.timeline(TIMELINE_SECONDS);
  }

  /**
   * Returns the figures of the measured users so far (users still going count as errors); the
   * API calls are those since the measured users were released, counting the polls waiting then.
   */
  public Figures figures() {
    return conversations.figures(calls.get() - callsBeforeMeasured);
  }

  /** Returns the figures of the warm-up users so far, with every API call made until now. */
  public Figures warmUpFigures() {
    return warmUp.figures(calls.get());
  }

  /**
   * Returns the CPU seconds this process used since the measured users were released, 0 before
   * that, or -1 when the JVM cannot tell.
   */
  public double measuredCpuSeconds() {
    double before = cpuBeforeMeasured;
    double now = ProcessCpu.seconds();
    return before < 0 || now < 0 ? (conversations.started() ? -1 : 0) : now - before;
  }

  /** Stops the server; waiting polls and open connections are cut. */
  @Override
  public void close() {
    server.close();
  }

  private void serve(HttpRequest request, LoopServer.Exchange exchange) {
    if (request.path().equals(START_PATH)) {
      go(request, exchange);
      return;
    }
    calls.incrementAndGet();
    try {
      route(request, exchange);
    } catch (RuntimeException | IOException e) {
      exchange.respond(400, ("{\"code\":\"bad.request\",\"message\":\"" + e.getClass().getSimpleName()
          + "\"}").getBytes(StandardCharsets.UTF_8));
    }
  }

  private void route(HttpRequest request, LoopServer.Exchange exchange) throws IOException {
    String method = request.method();
    String path = request.path();
    if (method.equals("GET") && path.equals("/updates")) {
      poll(request.query(), exchange);
    } else if (method.equals("POST") && path.equals("/messages")) {
      exchange.respond(200, message(request));
      answerParked();
    } else if (method.equals("POST") && path.equals("/answers")) {
      exchange.respond(200, OK);
    } else {
      exchange.respond(404, ("{\"code\":\"not.found\",\"message\":\"" + method + " " + path + "\"}")
          .getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The driver's go after the warm-up: not a Bot API call, so never counted. */
  private void go(HttpRequest request, LoopServer.Exchange exchange) {
    String refusal = refusal(request);
    if (!refusal.isEmpty()) {
      exchange.respond(409, ("{\"code\":\"conflict\",\"message\":\"" + refusal + "\"}")
          .getBytes(StandardCharsets.UTF_8));
      return;
    }
    // A poll waiting now gets the first measured updates, as the first poll of a cold run does.
    callsBeforeMeasured = calls.get() - parked.size();
    releaseMeasured();
    answerParked();
    exchange.respond(200, OK);
  }

  private String refusal(HttpRequest request) {
    if (!request.method().equals("POST")) {
      return "use POST " + START_PATH;
    } else if (!warmUp.started()) {
      return "no warm-up users were released";
    } else if (!warmUp.finished()) {
      return "the warm-up users have not finished";
    }
    return conversations.started() ? "the measured users were released already" : "";
  }

  private void releaseMeasured() {
    if (conversations.started()) {
      return;
    }
    double cpu = ProcessCpu.seconds();
    if (conversations.start()) {
      cpuBeforeMeasured = cpu;
    }
  }

  private void poll(Query query, LoopServer.Exchange exchange) {
    if (warmUp.users() == 0) {
      releaseMeasured();
    } else {
      warmUp.start();
    }
    Long marker = query.longValue("marker").orElse(null);
    int limit = (int) Math.max(1, Math.min(query.longValue("limit").orElse(100L), 1000));
    long timeoutNanos = TimeUnit.SECONDS.toNanos(query.longValue("timeout").orElse(30L));
    UpdateFeed.Batch batch = feed.take(marker, limit);
    if (batch.isEmpty() && timeoutNanos > 0) {
      parked.add(new Parked(exchange, marker, limit, System.nanoTime() + timeoutNanos));
      return;
    }
    exchange.respond(200, FakeResponses.page(batch));
  }

  private void answerParked() {
    for (Iterator<Parked> it = parked.iterator(); it.hasNext(); ) {
      Parked poll = it.next();
      UpdateFeed.Batch batch = feed.take(poll.marker(), poll.limit());
      if (!batch.isEmpty()) {
        it.remove();
        poll.exchange().respond(200, FakeResponses.page(batch));
      }
    }
  }

  private void expire(long nowNanos) {
    for (Iterator<Parked> it = parked.iterator(); it.hasNext(); ) {
      Parked poll = it.next();
      if (nowNanos - poll.deadlineNanos() >= 0) {
        it.remove();
        poll.exchange().respond(200, FakeResponses.page(feed.take(poll.marker(), poll.limit())));
      }
    }
  }

  private byte[] message(HttpRequest request) throws IOException {
    JsonNode body = json.readTree(request.body());
    long recipient = request.query().longValue("chat_id").or(() -> request.query().longValue("user_id"))
        .orElseThrow(() -> new IllegalArgumentException("POST /messages needs chat_id or user_id"));
    String text = body.path("text").asText("");
    String mid = "mid.b." + (++sent);
    int warmUpUser = SurveyUpdates.WARM_UP.userOf(recipient);
    if (warmUpUser >= 0) {
      warmUp.message(warmUpUser, text, mid);
    } else {
      conversations.message(SurveyUpdates.MEASURED.userOf(recipient), text, mid);
    }
    return FakeResponses.sent(recipient, mid, json.writeValueAsString(text));
  }

  /**
   * Runs the server until every user finished or the time is up, then prints the figures line;
   * see {@link Options} for the arguments and {@link FakeApiRun} for what is printed. Exits with
   * status 1 when the warm-up users did not finish in time.
   */
  public static void main(String[] args) throws InterruptedException {
    int status = FakeApiRun.run(Options.parse(args), System.out);
    if (status != 0) {
      System.exit(status);
    }
  }
}
