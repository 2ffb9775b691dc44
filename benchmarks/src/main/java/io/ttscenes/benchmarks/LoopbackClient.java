package io.ttscenes.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal blocking HTTP/1.1 client on one keep-alive loopback connection, enough to drive
 * {@link FakeBotApi} from inside its own JVM without loading a client library: one request at a
 * time, {@code Content-Length} bodies only. Not thread-safe; I/O failures are unchecked.
 */
final class LoopbackClient implements AutoCloseable {
  /** A response: its status code and body. */
  record Response(int status, String body) {}

  private final int port;
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  LoopbackClient(int port) {
    this.port = port;
    try {
      this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setTcpNoDelay(true);
      this.out = socket.getOutputStream();
      this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to 127.0.0.1:" + port, e);
    }
  }

  /** Sends {@code GET target} and returns the response. */
  Response get(String target) {
    return exchange("GET", target, null);
  }

  /** Sends {@code POST target} with the JSON {@code body} and returns the response. */
  Response post(String target, String body) {
    return exchange("POST", target, body);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Response exchange(String method, String target, String body) {
    byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\nContent-Type: application/json\r\nContent-Length: " + payload.length + "\r\n\r\n";
    try {
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(payload);
      out.flush();
      return read();
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + target + " failed", e);
    }
  }

  private Response read() throws IOException {
    String statusLine = line();
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("status line is '" + statusLine + "'");
    }
    int length = -1;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      if (colon > 0 && header.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
        length = Integer.parseInt(header.substring(colon + 1).trim());
      }
    }
    if (length < 0) {
      throw new IOException("response without Content-Length");
    }
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new IOException("connection closed after " + body.length + " of " + length + " body bytes");
    }
    return new Response(Integer.parseInt(parts[1]), new String(body, StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed mid-response");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
