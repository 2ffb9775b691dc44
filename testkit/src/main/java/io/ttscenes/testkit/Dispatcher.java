package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP handler: serves the web chat's static files, its {@code /_emu/} API, upload URLs
 * and the Bot API (token check, injected faults, then the route). Errors go out as API JSON.
 */
final class Dispatcher implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
  private static final Map<String, String> STATIC = Map.of(
      "/", "index.html", "/chat", "index.html", "/chat/", "index.html",
      "/chat/chat.js", "chat.js", "/chat/chat.css", "chat.css");

  private final String token;
  private final Faults faults;
  private final Routes botApi;
  private final Routes webApi;
  private final UploadEndpoint uploads;
  private final Uploads files;

  Dispatcher(String token, Faults faults, Routes botApi, Routes webApi, Uploads files) {
    this.token = token;
    this.faults = faults;
    this.botApi = botApi;
    this.webApi = webApi;
    this.uploads = new UploadEndpoint(files);
    this.files = files;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      try {
        route(exchange, path);
      } catch (ApiError e) {
        respond(exchange, e.status, error(e.code, e.getMessage()));
      } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
        respond(exchange, 400, error("proto.payload", e.getMessage()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        respond(exchange, 503, error("service.unavailable", "Emulator is stopping"));
      } catch (IOException e) {
        throw e;
      } catch (Exception e) {
        log.warn("emulator failed on {} {}", exchange.getRequestMethod(), path, e);
        respond(exchange, 500, error("internal", e.toString()));
      }
    }
  }

  private void route(HttpExchange exchange, String path) throws Exception {
    if (STATIC.containsKey(path) && exchange.getRequestMethod().equals("GET")) {
      serveStatic(exchange, STATIC.get(path));
    } else if (path.startsWith("/_emu/")) {
      call(exchange, webApi, path);
    } else if (path.startsWith("/_upload/")) {
      UploadEndpoint.Reply reply = uploads.handle(exchange, path.substring("/_upload/".length()));
      respond(exchange, reply.status(), reply.body());
    } else if (path.startsWith("/_files/")) {
      serveFile(exchange, path.substring("/_files/".length()));
    } else {
      authorize(exchange);
      Optional<Faults.Fault> fault = faults.take(path);
      if (fault.isPresent() && injected(exchange, fault.get())) {
        return;
      }
      call(exchange, botApi, path);
    }
  }

  private void call(HttpExchange exchange, Routes routes, String path) throws Exception {
    Routes.Match match = routes.match(exchange.getRequestMethod(), path);
    JsonNode result = match.handler().handle(new Call(exchange, match.path()));
    respond(exchange, 200, result);
  }

  private void authorize(HttpExchange exchange) {
    String given = Call.parseQuery(exchange.getRequestURI().getRawQuery()).get("access_token");
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (given == null && header != null) {
      given = header.startsWith("Bearer ") ? header.substring(7) : header;
    }
    if (!token.equals(given)) {
      throw new ApiError(401, "verify.token", "Invalid access_token");
    }
  }

  /** Applies a fault; returns true when it already answered the call. */
  private boolean injected(HttpExchange exchange, Faults.Fault fault) throws Exception {
    if (!fault.delay().isZero()) {
      Thread.sleep(fault.delay().toMillis());
    }
    if (fault.status() == 0) {
      return false;
    }
    if (fault.status() == 429) {
      long seconds = Math.max(1, (fault.retryAfter().toMillis() + 999) / 1000);
      exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
    }
    respond(exchange, fault.status(), error(fault.code(), fault.message()));
    return true;
  }

  private static ObjectNode error(String code, String message) {
    return Json.object().put("code", code).put("message", message);
  }

  static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = body == null ? "null".getBytes() : Json.bytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private void serveStatic(HttpExchange exchange, String name) throws IOException {
    try (InputStream in = Dispatcher.class.getResourceAsStream("web/" + name)) {
      if (in == null) {
        throw ApiError.notFound("missing resource " + name);
      }
      byte[] bytes = in.readAllBytes();
      String type = name.endsWith(".js") ? "text/javascript" : name.endsWith(".css") ? "text/css" : "text/html";
      exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private void serveFile(HttpExchange exchange, String id) throws IOException {
    Uploads.Upload upload = files.byId(id).filter(Uploads.Upload::complete)
        .orElseThrow(() -> ApiError.notFound("File " + id + " not found"));
    byte[] bytes = upload.bytes();
    exchange.getResponseHeaders().set("Content-Type", upload.type.equals("image")
        ? "image/*" : "application/octet-stream");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
