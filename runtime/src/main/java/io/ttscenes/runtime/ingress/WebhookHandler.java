package io.ttscenes.runtime.ingress;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.model.Update;
import io.ttscenes.runtime.engine.Dispatcher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one webhook POST: check who sends it and where, read the body (within its deadline and
 * size cap, no thread waiting), then on one of the webhook's threads parse, submit, and answer
 * only once the update's future completed: 200 when it may be acknowledged, 503 when it failed,
 * found no room in the lanes, or was not done within the ack timeout counted from the request's
 * arrival, so that TamTam delivers it again later (dedupe skips it if it did commit meanwhile).
 */
final class WebhookHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookIngress.class);

  private final Dispatcher dispatcher;
  private final Executor workers;
  private final BodyReader bodies;
  private final ObjectMapper mapper;
  private final WebhookPath path;
  private final WebhookAccess access;
  private final Duration ackTimeout;
  private final WebhookInFlight inFlight = new WebhookInFlight();

  WebhookHandler(Dispatcher dispatcher, Executor workers, BodyReader bodies, ObjectMapper mapper,
      WebhookPath path, WebhookAccess access, Duration ackTimeout) {
    this.dispatcher = dispatcher;
    this.workers = workers;
    this.bodies = bodies;
    this.mapper = mapper;
    this.path = path;
    this.access = access;
    this.ackTimeout = ackTimeout;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    if (!inFlight.enter()) {
      respond(response, callback, 503, "shutting down; deliver it again later");
      return true;
    }
    // Counted out once the answer is written (or the connection given up), whoever completes it.
    AtomicBoolean left = new AtomicBoolean();
    Runnable leave = () -> {
      if (left.compareAndSet(false, true)) {
        inFlight.leave();
      }
    };
    Callback tracked = Callback.from(callback, leave);
    try {
      route(request, response, tracked);
    } catch (RuntimeException e) {
      tracked.failed(e);
    }
    return true;
  }

  /** Refuses new requests (503) from now on and waits up to {@code deadline} for those in progress. */
  boolean closeAndAwaitIdle(Duration deadline) throws InterruptedException {
    return inFlight.closeAndAwaitIdle(deadline);
  }

  private void route(Request request, Response response, Callback callback) {
    // One deadline for the whole request: reading, waiting for room in the lanes, and the commit.
    long deadline = System.nanoTime() + ackTimeout.toNanos();
    Optional<String> refusal = access.sourceRefusal(request);
    if (refusal.isPresent()) {
      LOG.warn("webhook request refused with 403: {}", refusal.get());
      refuseUnread(response, callback, 403, "forbidden");
      return;
    }
    if (!path.matches(request.getHttpURI().getPath())) {
      LOG.warn("webhook request to an unknown path from {} refused with 404", WebhookAccess.peer(request));
      refuseUnread(response, callback, 404, "unknown path");
      return;
    }
    if (!HttpMethod.POST.is(request.getMethod())) {
      refuseUnread(response, callback, 405, "webhook accepts POST only");
      return;
    }
    Optional<String> unsigned = access.headerRefusal(request);
    if (unsigned.isPresent()) {
      LOG.warn("webhook request from {} refused with 403: {}", WebhookAccess.peer(request), unsigned.get());
      refuseUnread(response, callback, 403, "forbidden");
      return;
    }
    bodies.read(request).thenAccept(body -> onBody(request, response, callback, body, deadline));
  }

  private void onBody(Request request, Response response, Callback callback, BodyReader.Body body, long deadline) {
    switch (body.status()) {
      case TIMED_OUT, BROKEN -> {
        LOG.warn("webhook: the body from {} {}; connection closed", WebhookAccess.peer(request),
            body.status() == BodyReader.Status.TIMED_OUT ? "did not arrive in time" : "could not be read");
        callback.failed(new TimeoutException("webhook body not read"));
      }
      case TOO_LARGE -> refuseTooLarge(request, response, callback);
      case READ -> work(response, callback, body.bytes(), deadline);
    }
  }

  private void refuseTooLarge(Request request, Response response, Callback callback) {
    LOG.warn("webhook: a body from {} over {} bytes answered 413", WebhookAccess.peer(request), bodies.maxBytes());
    refuseUnread(response, callback, 413, "update body exceeds " + bodies.maxBytes() + " bytes");
  }

  /**
   * Answers a request whose body is (at least partly) left unread. Jetty then closes the
   * connection unless the rest of the body had already arrived, so the answer says so: a client
   * told nothing would send its next request on a connection about to close and get no answer.
   */
  private void refuseUnread(Response response, Callback callback, int status, String message) {
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    respond(response, callback, status, message);
  }

  private void work(Response response, Callback callback, byte[] body, long deadline) {
    // Jetty's idle timeout leaves a request alone while no read or write is pending, so a
    // commit slower than the body timeout still gets its answer.
    try {
      workers.execute(() -> {
        try {
          answer(response, callback, body, deadline);
        } catch (RuntimeException e) {
          callback.failed(e);
        }
      });
    } catch (RejectedExecutionException stopped) {
      respond(response, callback, 503, "shutting down; deliver it again later");
    }
  }

  /** Parses, submits and waits for the update, then answers. */
  private void answer(Response response, Callback callback, byte[] body, long deadline) {
    Update update;
    try {
      update = mapper.readValue(body, Update.class);
    } catch (JsonProcessingException e) {
      malformed(response, callback, body, "malformed update JSON: " + e.getOriginalMessage(),
          "malformed update JSON: " + where(e));
      return;
    } catch (java.io.IOException e) {
      malformed(response, callback, body, "unreadable update: " + e.getMessage(),
          "unreadable update: " + e.getClass().getSimpleName());
      return;
    }
    if (update == null) {
      String message = "the body is JSON null, not an update object";
      malformed(response, callback, body, message, message);
      return;
    }
    int status = awaitAck(update, deadline);
    respond(response, callback, status, status == 200 ? null : "update not committed; deliver it again later");
  }

  /**
   * Answers 400 with {@code message} (Jackson's, which may quote the body) to the sender, while
   * the log and the dead letter's error get {@code described}, which names no content.
   */
  private void malformed(Response response, Callback callback, byte[] body, String message, String described) {
    // 400, not 503: the same bytes would fail again, and TamTam does not resend an update it
    // got an answer for, so retrying could not recover it anyway. The body may hold a user's
    // text: it goes to the store as a dead letter, not into a log line.
    LOG.warn("webhook: {}; answered 400", described);
    dispatcher.deadLetteredBody(new String(body, StandardCharsets.UTF_8), described);
    respond(response, callback, 400, message);
  }

  /** Where parsing failed, by kind, field path and position only: Jackson's message quotes the value. */
  private static String where(JsonProcessingException e) {
    String path = e instanceof JsonMappingException mapping ? mapping.getPathReference() : "";
    JsonLocation at = e.getLocation();
    return e.getClass().getSimpleName() + (path.isEmpty() ? "" : " at " + path)
        + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
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

  private void respond(Response response, Callback callback, int status, String message) {
    Map<String, Object> answer = message == null ? Map.of("success", true)
        : Map.of("success", false, "message", message);
    byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(answer);
    } catch (JsonProcessingException e) {
      // A map of a boolean and a string always serializes; keep the status if it ever did not.
      bytes = new byte[0];
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

}
