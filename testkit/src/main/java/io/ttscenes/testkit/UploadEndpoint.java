package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The upload URLs handed out by {@code POST /uploads}: multipart uploads (field {@code data}),
 * resumable uploads by {@code Content-Range} chunks, and GET for the upload status.
 */
final class UploadEndpoint {
  private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

  private final Uploads uploads;

  UploadEndpoint(Uploads uploads) {
    this.uploads = uploads;
  }

  /** Returns the status and JSON to answer; the exchange's body has been consumed. */
  Reply handle(HttpExchange exchange, String id) throws IOException {
    Uploads.Upload upload = uploads.byId(id).orElseThrow(() -> ApiError.notFound("Upload " + id + " not found"));
    String method = exchange.getRequestMethod();
    if (method.equals("GET")) {
      return new Reply(200, status(upload));
    }
    if (!method.equals("POST") && !method.equals("PUT")) {
      throw new ApiError(405, "method.not.allowed", "Use POST or PUT to upload");
    }
    if (upload.complete()) {
      return new Reply(200, result(upload));
    }
    String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
    if (contentType.startsWith("multipart/form-data")) {
      multipart(exchange.getRequestBody().readAllBytes(), contentType, upload);
      return new Reply(200, result(upload));
    }
    return resumable(exchange, upload);
  }

  /** What to answer an upload request with. */
  record Reply(int status, JsonNode body) {}

  private static ObjectNode status(Uploads.Upload upload) {
    return Json.object().put("status", upload.complete() ? "completed" : "in_progress")
        .put("size", upload.total()).put("received", upload.received());
  }

  private static JsonNode result(Uploads.Upload upload) {
    if (upload.type.equals("image")) {
      ObjectNode photos = Json.object();
      photos.set(Long.toString(upload.photoId), Json.object().put("token", upload.token));
      return Json.object().set("photos", photos);
    }
    return Json.object().put("token", upload.token);
  }

  private Reply resumable(HttpExchange exchange, Uploads.Upload upload) throws IOException {
    String range = exchange.getRequestHeaders().getFirst("Content-Range");
    if (range == null) {
      stream(exchange.getRequestBody(), upload, Long.MAX_VALUE);
      upload.finish(null);
      return new Reply(200, result(upload));
    }
    Matcher m = RANGE.matcher(range.trim());
    if (!m.matches()) {
      throw ApiError.badRequest("Malformed Content-Range: " + range);
    }
    long start = Long.parseLong(m.group(1));
    long end = Long.parseLong(m.group(2));
    long total = Long.parseLong(m.group(3));
    if (start != upload.received() || end < start || end >= total) {
      return new Reply(416, status(upload).put("code", "range.not.satisfiable")
          .put("message", "Expected a chunk starting at byte " + upload.received()));
    }
    upload.expectTotal(total);
    stream(exchange.getRequestBody(), upload, end - start + 1);
    if (upload.received() == total) {
      upload.finish(null);
      return new Reply(200, result(upload));
    }
    return new Reply(200, status(upload));
  }

  /** Appends as bytes arrive, so a connection cut mid-chunk keeps what was received. */
  private static void stream(InputStream in, Uploads.Upload upload, long max) throws IOException {
    byte[] buffer = new byte[8192];
    long left = max;
    int read;
    while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
      upload.append(buffer, read);
      left -= read;
    }
  }

  private static void multipart(byte[] body, String contentType, Uploads.Upload upload) {
    Matcher b = BOUNDARY.matcher(contentType);
    if (!b.find()) {
      throw ApiError.badRequest("multipart/form-data without boundary");
    }
    byte[] delimiter = ("--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    int at = indexOf(body, delimiter, 0);
    while (at >= 0) {
      int headersStart = at + delimiter.length + 2;
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      int next = indexOf(body, ("\r\n--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1), headersStart);
      if (headersEnd < 0 || next < 0) {
        break;
      }
      String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      if (headers.contains("name=\"data\"")) {
        upload.append(java.util.Arrays.copyOfRange(body, headersEnd + 4, next), next - headersEnd - 4);
        Matcher name = FILENAME.matcher(headers);
        upload.finish(name.find() ? name.group(1) : null);
        return;
      }
      at = next + 2;
    }
    throw ApiError.badRequest("multipart body has no part named 'data'");
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(from, 0); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
