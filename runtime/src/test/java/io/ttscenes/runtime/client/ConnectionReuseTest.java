package io.ttscenes.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The default client keeps more idle connections than OkHttp's five, so busy lanes reuse them. */
final class ConnectionReuseTest {
  private static final int CALLS = 8;

  /** Answers only once {@code CALLS} requests are waiting, so each of them holds its own connection. */
  private static final class TogetherDispatcher extends Dispatcher {
    private final AtomicReference<CountDownLatch> wave = new AtomicReference<>(new CountDownLatch(CALLS));
    final Set<Integer> connections = new TreeSet<>();

    void nextWave() {
      wave.set(new CountDownLatch(CALLS));
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      synchronized (connections) {
        connections.add(request.getConnectionIndex());
      }
      CountDownLatch latch = wave.get();
      latch.countDown();
      latch.await(10, TimeUnit.SECONDS);
      return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
          .body("{\"success\":true}").build();
    }
  }

  @Test
  void secondWaveOfEightConcurrentCallsReusesTheFirstWavesConnections() throws Exception {
    TogetherDispatcher dispatcher = new TogetherDispatcher();
    ExecutorService threads = Executors.newFixedThreadPool(CALLS);
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(dispatcher);
      server.start();
      OkHttpBotApi client = OkHttpBotApi.builder("token").baseUrl(server.url("/").toString())
          .requestsPerSecond(1_000_000).build();

      wave(client, threads);
      assertEquals(CALLS, dispatcher.connections.size(), "the first wave opens one connection per call");
      dispatcher.nextWave();
      wave(client, threads);

      assertEquals(CALLS, dispatcher.connections.size(), "no new connection: " + dispatcher.connections);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void maxIdleConnectionsMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OkHttpBotApi.builder("token").maxIdleConnections(0));
    assertEquals("max idle connections is 0; it must be >= 1", e.getMessage());
  }

  private static void wave(OkHttpBotApi client, ExecutorService threads) throws Exception {
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      long chat = i;
      calls.add(CompletableFuture.runAsync(() -> client.leaveChat(chat), threads));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
  }
}
