package io.ttscenes.runtime.ingress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.ttscenes.api.model.Update;
import io.ttscenes.runtime.engine.Dispatcher;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one webhook POST: read the body (within its deadline and size cap), parse, submit, and
 * answer only once the update's future completed: 200 when it may be acknowledged, 503 when it
 * failed, found no room in the lanes, or was not done within the ack timeout counted from the
 * request's arrival, so that TamTam delivers it again later (dedupe skips it if it did commit
 * meanwhile).
 */
final class WebhookHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookIngress.class);

  private final Dispatcher dispatcher;
  private final BodyReader bodies;
  private final ObjectMapper mapper;
  private final WebhookPath path;
  private final WebhookAccess access;
  private final Duration ackTimeout;
  private final WebhookInFlight inFlight = new WebhookInFlight();

  WebhookHandler(Dispatcher dispatcher, BodyReader bodies, ObjectMapper mapper, WebhookPath path,
      WebhookAccess access, Duration ackTimeout) {
    this.dispatcher = dispatcher;
    this.bodies = bodies;
    this.mapper = mapper;
    this.path = path;
    this.access = access;
    this.ackTimeout = ackTimeout;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!inFlight.enter()) {
      try (exchange) {
        respond(exchange, 503, "shutting down; deliver it again later");
      }
      return;
    }
    try {
      route(exchange);
    } finally {
      inFlight.leave();
    }
  }

  /** Refuses new requests (503) from now on and waits up to {@code deadline} for those in progress. */
  boolean closeAndAwaitIdle(Duration deadline) throws InterruptedException {
    return inFlight.closeAndAwaitIdle(deadline);
  }

  private void route(HttpExchange exchange) throws IOException {
    // One deadline for the whole request: reading, waiting for room in the lanes, and the commit.
    long deadline = System.nanoTime() + ackTimeout.toNanos();
    try (exchange) {
      Optional<String> refusal = access.sourceRefusal(exchange);
      if (refusal.isPresent()) {
        LOG.warn("webhook request refused with 403: {}", refusal.get());
        respond(exchange, 403, "forbidden");
        return;
      }
      if (!path.matches(exchange.getRequestURI().getRawPath())) {
        LOG.warn("webhook request to an unknown path from {} refused with 404", exchange.getRemoteAddress());
        respond(exchange, 404, "unknown path");
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, "webhook accepts POST only");
        return;
      }
      Optional<String> unsigned = access.headerRefusal(exchange);
      if (unsigned.isPresent()) {
        LOG.warn("webhook request from {} refused with 403: {}", exchange.getRemoteAddress(), unsigned.get());
        respond(exchange, 403, "forbidden");
        return;
      }
      BodyReader.Body body = bodies.read(exchange);
      switch (body.status()) {
        case TIMED_OUT -> LOG.warn("webhook: the body from {} did not arrive in time; connection closed",
            exchange.getRemoteAddress());
        case TOO_LARGE -> refuseTooLarge(exchange);
        case READ -> handleBody(exchange, body.bytes(), deadline);
      }
    }
  }

  private void refuseTooLarge(HttpExchange exchange) throws IOException {
    // The server drains up to 64 KiB of the unread body before answering and then closes the
    // connection (the rest stays unread); a client that stalls meanwhile is cut off unanswered.
    exchange.getResponseHeaders().set("Connection", "close");
    String message = "update body exceeds " + bodies.maxBytes() + " bytes";
    boolean answered = bodies.withinDeadline(exchange, () -> {
      respond(exchange, 413, message);
      return true;
    }).isPresent();
    LOG.warn("webhook: a body from {} over {} bytes {}", exchange.getRemoteAddress(),
        bodies.maxBytes(), answered ? "answered 413" : "stalled; connection closed");
  }

  private void handleBody(HttpExchange exchange, byte[] body, long deadline) throws IOException {
    Update update;
    try {
      update = mapper.readValue(body, Update.class);
    } catch (JsonProcessingException e) {
      malformed(exchange, body, "malformed update JSON: " + e.getOriginalMessage());
      return;
    }
    if (update == null) {
      malformed(exchange, body, "the body is JSON null, not an update object");
      return;
    }
    int status = awaitAck(update, deadline);
    respond(exchange, status, status == 200 ? null : "update not committed; deliver it again later");
  }

  private void malformed(HttpExchange exchange, byte[] body, String message) throws IOException {
    // 400, not 503: the same bytes would fail again, and TamTam does not resend an update it
    // got an answer for, so retrying could not recover it anyway. The log keeps the evidence.
    LOG.error("webhook: {}; answered 400. Body: {}", message, snippet(body));
    respond(exchange, 400, message);
  }

  private int awaitAck(Update update, long deadline) {
    try {
      Optional<CompletableFuture<Void>> queued = dispatcher.trySubmit(update, left(deadline));
      if (queued.isEmpty()) {
        LOG.warn("webhook: no room in the lanes for {} within {} ms; answered 503 so TamTam retries it",
            update.updateType(), ackTimeout.toMillis());
        return 503;
      }
      queued.get().get(left(deadline).toNanos(), TimeUnit.NANOSECONDS);
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

  private static Duration left(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
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

  private static String snippet(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
    return body.length > 300 ? text + "..." : text;
  }
}
