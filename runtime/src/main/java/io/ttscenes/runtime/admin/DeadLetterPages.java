package io.ttscenes.runtime.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ttscenes.api.store.DeadLetter;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoreRejectedException;
import io.ttscenes.api.store.StoreUnavailableException;
import io.ttscenes.runtime.engine.Dispatcher;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code GET /dead-letters[?limit=n]}: the kept dead letters as JSON, oldest first (content
 * included: the admin endpoint is the operator's). {@code POST /dead-letters/replay?id=<id>}:
 * replays one through the normal path, once. A POST that carries an {@code Origin} header (a
 * page in a browser) is refused, so no web page can replay letters through the operator's browser;
 * a request whose {@code Host} names neither an address, {@code localhost} nor the admin host is
 * refused too, so a page that rebinds its own name to this address cannot read the letters.
 */
final class DeadLetterPages extends Handler.Abstract {
  static final String LIST = "/dead-letters";
  static final String REPLAY = "/dead-letters/replay";
  private static final int DEFAULT_LIMIT = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.]+]");

  private final Dispatcher dispatcher;
  private final String adminHost;

  /** {@code adminHost} is the name or address the admin endpoint was configured to listen on. */
  DeadLetterPages(Dispatcher dispatcher, String adminHost) {
    this.dispatcher = dispatcher;
    this.adminHost = adminHost;
  }

  /**
   * Whether {@code host} (a Host header, perhaps with a port; null when absent) names this
   * endpoint directly: an address, {@code localhost}, or the configured admin host. A DNS-rebound
   * page names its own domain, which is none of these.
   */
  static boolean namesThisEndpoint(String host, String adminHost) {
    if (host == null) {
      return true;
    }
    String name = host.strip();
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf(']')) {
      name = name.substring(0, colon);
    }
    return ADDRESS.matcher(name).matches() || name.equalsIgnoreCase("localhost")
        || name.equalsIgnoreCase(adminHost);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getPath();
    boolean replay = REPLAY.equals(path);
    String allowed = replay ? "POST" : "GET";
    Reply reply;
    if (!namesThisEndpoint(request.getHeaders().get(HttpHeader.HOST), adminHost)) {
      reply = error(403, "the Host header names neither an address, localhost nor the admin host "
          + adminHost + "; dead letters are not shown to pages under other names");
    } else if (!allowed.equals(request.getMethod())) {
      response.getHeaders().put(HttpHeader.ALLOW, allowed);
      reply = error(405, path + " answers " + allowed + " only");
    } else {
      Fields query = Request.extractQueryParameters(request);
      try {
        reply = replay ? replay(request, query.getValue("id")) : list(query.getValue("limit"));
      } catch (StoreUnavailableException | StoreRejectedException e) {
        reply = error(503, "the store failed: " + e.getMessage());
      }
    }
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(reply.body()), callback);
    return true;
  }

  private Reply list(String limitText) {
    int limit;
    try {
      limit = limitText == null ? DEFAULT_LIMIT : Integer.parseInt(limitText);
    } catch (NumberFormatException e) {
      limit = 0;
    }
    if (limit < 1 || limit > SessionStore.DEAD_LETTERS_KEPT) {
      return error(400, "limit is '" + limitText + "'; it must be a number 1.." + SessionStore.DEAD_LETTERS_KEPT);
    }
    ArrayNode letters = JSON.createArrayNode();
    for (DeadLetter letter : dispatcher.deadLetters(limit)) {
      letters.addObject().put("id", letter.id()).put("at", letter.at().toString())
          .put("kind", letter.kind().name()).put("session", letter.session()).put("error", letter.error())
          .put("payload", letter.payload());
    }
    return Reply.json(200, JSON.createObjectNode().set("deadLetters", letters).toString());
  }

  private Reply replay(Request request, String id) {
    if (request.getHeaders().get(HttpHeader.ORIGIN) != null) {
      return error(403, "a replay from a web page is refused; POST without an Origin header (e.g. curl)");
    }
    if (id == null || id.isBlank()) {
      return error(400, "the query parameter 'id' (a dead letter id from " + LIST + ") is missing");
    }
    Optional<CompletableFuture<Void>> started;
    try {
      started = dispatcher.replayDeadLetter(id);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return error(409, e.getMessage());
    }
    if (started.isEmpty()) {
      return error(404, "no dead letter '" + id + "' (never kept, dropped, or replayed already)");
    }
    return outcome(id, started.get());
  }

  private static Reply outcome(String id, CompletableFuture<Void> replay) {
    try {
      replay.get(10, TimeUnit.SECONDS);
      return status(200, id, "replayed");
    } catch (TimeoutException e) {
      return status(202, id, "replaying");
    } catch (ExecutionException e) {
      return error(502, "the replay of '" + id + "' failed and the letter is kept again: " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return status(202, id, "replaying");
    }
  }

  private static Reply status(int code, String id, String status) {
    ObjectNode body = JSON.createObjectNode().put("id", id).put("status", status);
    return Reply.json(code, body.toString());
  }

  private static Reply error(int code, String message) {
    return Reply.json(code, JSON.createObjectNode().put("error", message).toString());
  }
}
