package io.ttscenes.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;

/**
 * A small HTTP/1.1 server on one thread and one selector, for a loopback benchmark where the
 * server must cost little: keep-alive connections, {@code Content-Length} bodies, and requests
 * that may be answered later (a long poll is held and answered from the same thread). Everything
 * the {@link Handler} does runs on the loop thread.
 */
final class LoopServer implements AutoCloseable {
  /** Serves requests on the loop thread. */
  interface Handler {
    /** Handles {@code request}; must call {@link Exchange#respond} now or later on the loop thread. */
    void handle(HttpRequest request, Exchange exchange);

    /** Called on every turn of the loop (at least every {@code TICK_MILLIS}) to answer timed-out waits. */
    void tick(long nowNanos);
  }

  /** A request awaiting its response; answer it once, on the loop thread. */
  final class Exchange {
    private final Connection connection;
    private final boolean close;

    private Exchange(Connection connection, boolean close) {
      this.connection = connection;
      this.close = close;
    }

    void respond(int status, byte[] json) {
      String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Error")
          + "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + json.length
          + (close ? "\r\nConnection: close" : "") + "\r\n\r\n";
      byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
      ByteBuffer out = ByteBuffer.allocate(headBytes.length + json.length).put(headBytes).put(json).flip();
      connection.send(out, close);
    }
  }

  private static final long TICK_MILLIS = 5;

  private final Selector selector;
  private final ServerSocketChannel listener;
  private final Handler handler;
  private final Thread thread;
  private volatile boolean running = true;

  LoopServer(int port, Handler handler) {
    this.handler = handler;
    try {
      this.selector = Selector.open();
      this.listener = ServerSocketChannel.open();
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
      listener.configureBlocking(false);
      listener.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
    this.thread = new Thread(this::loop, "fake-bot-api-loop");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  int port() {
    return listener.socket().getLocalPort();
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      thread.join(5_000);
      listener.close();
      selector.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    try {
      while (running) {
        selector.select(TICK_MILLIS);
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          if (key.isValid() && key.isAcceptable()) {
            accept();
          } else if (key.attachment() instanceof Connection connection) {
            connection.ready(key);
          }
        }
        handler.tick(System.nanoTime());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the fake Bot API's loop failed", e);
    } finally {
      selector.keys().forEach(key -> closeQuietly(key.channel()));
    }
  }

  private void accept() throws IOException {
    SocketChannel channel = listener.accept();
    if (channel == null) {
      return;
    }
    channel.configureBlocking(false);
    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    Connection connection = new Connection(channel);
    connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
  }

  private static void closeQuietly(java.nio.channels.Channel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Closing on shutdown or after a peer reset; nothing to report.
    }
  }

  /** One client connection: its read buffer and its queued output. */
  private final class Connection {
    private final SocketChannel channel;
    private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    private SelectionKey key;
    private boolean closeAfterWrite;

    Connection(SocketChannel channel) {
      this.channel = channel;
    }

    void ready(SelectionKey selected) {
      try {
        if (selected.isValid() && selected.isWritable()) {
          flush();
        }
        if (selected.isValid() && selected.isReadable()) {
          read();
        }
      } catch (IOException | RuntimeException e) {
        closeQuietly(channel);
        selected.cancel();
      }
    }

    private void read() throws IOException {
      if (!in.hasRemaining()) {
        in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
      }
      if (channel.read(in) < 0) {
        closeQuietly(channel);
        key.cancel();
        return;
      }
      in.flip();
      try {
        Optional<HttpRequest> request;
        while ((request = HttpRequest.parse(in)).isPresent()) {
          handler.handle(request.get(), new Exchange(this, request.get().close()));
        }
      } catch (HttpRequest.Malformed e) {
        new Exchange(this, true).respond(400, ("{\"code\":\"bad.request\",\"message\":\""
            + e.getMessage().replace("\"", "'") + "\"}").getBytes(StandardCharsets.UTF_8));
        in.position(in.limit());
      }
      in.compact();
    }

    void send(ByteBuffer response, boolean close) {
      out.addLast(response);
      closeAfterWrite |= close;
      try {
        flush();
      } catch (IOException e) {
        closeQuietly(channel);
        key.cancel();
      }
    }

    private void flush() throws IOException {
      while (!out.isEmpty()) {
        ByteBuffer head = out.peekFirst();
        channel.write(head);
        if (head.hasRemaining()) {
          key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          return;
        }
        out.removeFirst();
      }
      key.interestOps(SelectionKey.OP_READ);
      if (closeAfterWrite) {
        closeQuietly(channel);
        key.cancel();
      }
    }
  }
}
