package io.ttscenes.runtime.ingress;

import static io.ttscenes.runtime.fake.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.fake.FakeTamTam;
import io.ttscenes.runtime.fake.ScriptedStore;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook answers within its deadlines whatever the lanes and the clients do. */
final class WebhookDeadlinesTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ScriptedStore store = new ScriptedStore();
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private FakeTamTam tamtam;
  private Dispatcher dispatcher;

  @BeforeEach
  void start() throws Exception {
    tamtam = FakeTamTam.start();
    Bot bot = Bot.builder("hook-review").root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();
    // One slot in all lanes: a second session's update has to wait for room.
    dispatcher = Dispatcher.builder(bot, store, tamtam.client()).parallelism(2).queueCapacity(1)
        .storeBackoff(Duration.ofMillis(10), Duration.ofMillis(50)).build();
  }

  @AfterEach
  void stop() throws Exception {
    store.releaseCommits();
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
    dispatcher.close();
    tamtam.close();
    store.dispose();
  }

  // The ack timeout bounds the whole request, waiting for room in full lanes included.
  @Test
  void answers503WithinTheAckTimeoutEvenWhenTheLanesAreFull() throws Exception {
    WebhookIngress hook = startHook(WebhookIngress.builder(dispatcher, tamtam.client())
        .ackTimeout(Duration.ofMillis(300)));
    store.holdCommits();
    CompletableFuture<HttpResponse<String>> first = post(hook, message(7, "a"));
    store.awaitHeldCommit();
    assertEquals(503, first.get(20, TimeUnit.SECONDS).statusCode(), "the held update times out");

    CompletableFuture<HttpResponse<String>> second = post(hook, message(8, "b"));
    try {
      // 300 ms ack timeout; 10 s is only a safety net.
      assertEquals(503, second.get(10, TimeUnit.SECONDS).statusCode());
    } catch (TimeoutException e) {
      fail("a request that found the lanes full got no answer for 10 s although the ack timeout is 300 ms");
    }
  }

  // Clients that announce a body and send it slowly (or never) are cut off after the body
  // timeout, so they cannot occupy every webhook thread.
  @Test
  void slowClientsDoNotStopRealDeliveriesFromBeingAnswered() throws Exception {
    WebhookIngress hook = startHook(WebhookIngress.builder(dispatcher, tamtam.client()).threads(2));
    for (int i = 0; i < 2; i++) {
      Socket socket = new Socket("127.0.0.1", hook.port());
      cleanup.add(socket);
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + hook.servedPath() + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Content-Length: 1000\r\n\r\n{\"update_type\"").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    CompletableFuture<HttpResponse<String>> real = post(hook, message(9, "hello"));
    try {
      assertEquals(200, real.get(20, TimeUnit.SECONDS).statusCode());
    } catch (TimeoutException e) {
      fail("two idle half-sent requests kept a real update unanswered for 20 s");
    }
  }

  @Test
  void aBodyOverTheCapIsRefusedWith413AndTheConnectionClosedUnread() throws Exception {
    WebhookIngress hook = startHook(WebhookIngress.builder(dispatcher, tamtam.client()));
    try (Socket socket = new Socket("127.0.0.1", hook.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + hook.servedPath() + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      // 256 KiB of the announced 100 MB: only a server that stops reading can answer.
      CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
        try {
          out.write(new byte[256 * 1024]);
          out.flush();
        } catch (java.io.IOException closedByServer) {
          // Expected once the server closes the connection.
        }
      });

      String answer = readUntilClosed(socket);

      assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
      assertTrue(answer.contains("update body exceeds 1048576 bytes"), answer);
      sending.get(20, TimeUnit.SECONDS);
    }
    assertEquals(List.of(), tamtam.texts());
  }

  // A refusal before the body is read (wrong path here; also a refused source, a wrong method, a
  // missing secret) leaves the body unread, and Jetty closes such a connection unless the body had
  // already arrived: the answer must say so, or a client sends its next request on it and gets
  // nothing back (a flaky "header parser received no bytes" in WebhookFromEnvironmentTest).
  @Test
  void aRefusalAnsweredBeforeTheBodyArrivedTellsTheClientTheConnectionCloses() throws Exception {
    WebhookIngress hook = startHook(WebhookIngress.builder(dispatcher, tamtam.client()));
    try (Socket socket = new Socket("127.0.0.1", hook.port())) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(("POST /not-the-hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Content-Length: 50\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      String answer = readUntilClosed(socket);

      assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
      assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close\r\n"), answer);
    }
    assertEquals(List.of(), tamtam.texts());
  }

  /** Reads until end of stream or a reset, which both mean the server closed the connection. */
  private static String readUntilClosed(Socket socket) throws java.io.IOException {
    java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      int read;
      while ((read = socket.getInputStream().read(buffer)) >= 0) {
        got.write(buffer, 0, read);
      }
    } catch (java.net.SocketException reset) {
      // Closed with part of the body unread: the client sees a reset after the answer.
    }
    return got.toString(StandardCharsets.UTF_8);
  }

  // The connection's idle timeout is the body timeout; a commit may take longer than that.
  @Test
  void aCommitSlowerThanTheBodyTimeoutIsStillAnswered200() throws Exception {
    WebhookIngress hook = startHook(WebhookIngress.builder(dispatcher, tamtam.client())
        .bodyTimeout(Duration.ofMillis(200)).ackTimeout(Duration.ofSeconds(15)));
    store.holdCommits();
    CompletableFuture<HttpResponse<String>> answer = post(hook, message(7, "slow commit"));
    store.awaitHeldCommit();
    // Deliberately idle for several body timeouts while the commit is held.
    Thread.sleep(1_000);
    store.releaseCommits();

    assertEquals(200, answer.get(20, TimeUnit.SECONDS).statusCode());
    assertEquals(List.of("echo slow commit"), tamtam.texts());
  }

  @Test
  void aChunkedBodyOverTheCapIsRefusedWith413() throws Exception {
    WebhookIngress hook = startHook(WebhookIngress.builder(dispatcher, tamtam.client()));
    byte[] large = new byte[(1 << 20) + 1];
    java.util.Arrays.fill(large, (byte) ' ');
    // No Content-Length: the cap is found while reading.
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hook.port() + hook.servedPath()))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large))).build();

    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertEquals(413, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("update body exceeds 1048576 bytes"), answer.body());
    assertEquals(List.of(), tamtam.texts());
  }

  @Test
  void aSlowBodyIsCutOffAtTheBodyTimeoutWithoutAnAnswer() throws Exception {
    WebhookIngress hook = startHook(WebhookIngress.builder(dispatcher, tamtam.client())
        .bodyTimeout(Duration.ofMillis(200)));
    try (Socket socket = new Socket("127.0.0.1", hook.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + hook.servedPath() + " HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();

      // End of stream: the server closed the connection instead of waiting for the body forever.
      assertEquals(-1, socket.getInputStream().read());
    }
    assertEquals(List.of(), tamtam.texts());
  }

  private WebhookIngress startHook(WebhookIngress.Builder builder) {
    WebhookIngress hook = builder.listen("127.0.0.1", 0).build();
    hook.start();
    cleanup.add(() -> hook.stop(Duration.ofSeconds(1)));
    return hook;
  }

  private CompletableFuture<HttpResponse<String>> post(WebhookIngress hook, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hook.port() + hook.servedPath()))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }
}
