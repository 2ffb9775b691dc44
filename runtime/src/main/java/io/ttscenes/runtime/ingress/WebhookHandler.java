package io.ttscenes.runtime.ingress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.ttscenes.api.model.Update;
import io.ttscenes.runtime.engine.Dispatcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one webhook POST: parse, submit, and answer only once the update's future completed:
 * 200 when it may be acknowledged, 503 when it failed or took too long, so that TamTam delivers it
 * again later (dedupe skips it if it did commit meanwhile).
 */
final class WebhookHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookIngress.class);
  private static final int MAX_BODY = 1 << 20;

  private final Dispatcher dispatcher;
  private final ObjectMapper mapper;
  private final String path;
  private final Duration ackTimeout;
  private final Object idle = new Object();
  private int inFlight;
  private boolean closing;

  WebhookHandler(Dispatcher dispatcher, ObjectMapper mapper, String path, Duration ackTimeout) {
    this.dispatcher = dispatcher;
    this.mapper = mapper;
    this.path = path;
    this.ackTimeout = ackTimeout;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!enter()) {
      try (exchange) {
        respond(exchange, 503, "shutting down; deliver it again later");
      }
      return;
    }
    try {
      route(exchange);
    } finally {
      leave();
    }
  }

  /** Refuses new requests (503) from now on and waits up to {@code deadline} for those in progress. */
  boolean closeAndAwaitIdle(Duration deadline) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    synchronized (idle) {
      closing = true;
      while (inFlight > 0) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(idle, left);
      }
      return true;
    }
  }

  private boolean enter() {
    synchronized (idle) {
      if (closing) {
        return false;
      }
      inFlight++;
      return true;
    }
  }

  private void leave() {
    synchronized (idle) {
      inFlight--;
      idle.notifyAll();
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!path.equals(stripSlash(exchange.getRequestURI().getPath()))) {
        LOG.warn("webhook request to an unknown path from {} refused with 404", exchange.getRemoteAddress());
        respond(exchange, 404, "unknown path");
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, "webhook accepts POST only");
        return;
      }
      byte[] body = read(exchange.getRequestBody());
      if (body == null) {
        respond(exchange, 413, "update body exceeds " + MAX_BODY + " bytes");
        return;
      }
      handleBody(exchange, body);
    }
  }

  private void handleBody(HttpExchange exchange, byte[] body) throws IOException {
    Update update;
    try {
      update = mapper.readValue(body, Update.class);
    } catch (JsonProcessingException e) {
      // 400, not 503: the same bytes would fail again, and TamTam does not resend an update it
      // got an answer for, so retrying could not recover it anyway. The log keeps the evidence.
      String message = "malformed update JSON: " + e.getOriginalMessage();
      LOG.error("webhook: {}; answered 400. Body: {}", message, snippet(body));
      respond(exchange, 400, message);
      return;
    }
    int status = awaitAck(update);
    respond(exchange, status, status == 200 ? null : "update not committed; deliver it again later");
  }

  private int awaitAck(Update update) {
    CompletableFuture<Void> done;
    try {
      done = dispatcher.submit(update);
      done.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return 200;
    } catch (ExecutionException e) {
      LOG.warn("webhook: {} failed ({}); answered 503 so TamTam retries it", update.updateType(),
          e.getCause().getMessage());
    } catch (TimeoutException e) {
      LOG.warn("webhook: {} not committed within {} ms; answered 503 so TamTam retries it",
          update.updateType(), ackTimeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("webhook: interrupted while waiting for {}; answered 503", update.updateType());
    } catch (RuntimeException e) {
      LOG.warn("webhook: {} not accepted ({}); answered 503", update.updateType(), e.getMessage());
    }
    return 503;
  }

  private void respond(HttpExchange exchange, int status, String message) throws IOException {
    Map<String, Object> answer = message == null ? Map.of("success", true)
        : Map.of("success", false, "message", message);
    byte[] bytes = mapper.writeValueAsBytes(answer);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static byte[] read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY + 1);
    return bytes.length > MAX_BODY ? null : bytes;
  }

  static String stripSlash(String value) {
    return value.length() > 1 && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  private static String snippet(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
    return body.length > 300 ? text + "..." : text;
  }
}
