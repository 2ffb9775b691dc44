package io.ttscenes.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP/1.1 request as the fake server needs it: method, path, query, body, and whether the
 * client asked to close the connection. {@link #parse} reads it from the front of a buffer.
 *
 * @param method the request method, e.g. {@code GET}
 * @param path the path without the query
 * @param query the parsed query string
 * @param body the body bytes (empty without a {@code Content-Length})
 * @param close whether the client sent {@code Connection: close}
 */
record HttpRequest(String method, String path, Query query, byte[] body, boolean close) {
  private static final int MAX_HEAD = 16 * 1024;

  /** A request the server cannot take (no length, too large, not HTTP/1.x). */
  static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  /**
   * Takes one complete request from the front of {@code in} (in read mode) and advances its
   * position past it; empty, with the position unchanged, when the request is not all there yet.
   * Throws {@link Malformed} for requests this server does not serve.
   */
  static Optional<HttpRequest> parse(ByteBuffer in) {
    int start = in.position();
    int headEnd = headEnd(in, start);
    if (headEnd < 0) {
      if (in.remaining() > MAX_HEAD) {
        throw new Malformed("request head is over " + MAX_HEAD + " bytes");
      }
      return Optional.empty();
    }
    String head = new String(in.array(), in.arrayOffset() + start, headEnd - start, StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r\n");
    String[] requestLine = lines[0].split(" ");
    if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
      throw new Malformed("request line is '" + lines[0] + "'");
    }
    int length = 0;
    boolean close = false;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Integer.parseInt(value);
        case "transfer-encoding" -> throw new Malformed("chunked bodies are not served; send Content-Length");
        case "connection" -> close = value.equalsIgnoreCase("close");
        default -> { }
      }
    }
    int bodyStart = headEnd + 4;
    if (in.limit() - bodyStart < length) {
      return Optional.empty();
    }
    byte[] body = new byte[length];
    in.position(bodyStart);
    in.get(body);
    String target = requestLine[1];
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    Query query = Query.parse(q < 0 ? null : target.substring(q + 1));
    return Optional.of(new HttpRequest(requestLine[0], path, query, body, close));
  }

  private static int headEnd(ByteBuffer in, int start) {
    byte[] a = in.array();
    int base = in.arrayOffset();
    for (int i = start; i + 3 < in.limit(); i++) {
      if (a[base + i] == '\r' && a[base + i + 1] == '\n' && a[base + i + 2] == '\r' && a[base + i + 3] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
