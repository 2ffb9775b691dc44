package io.ttscenes.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The client-side rate limit spaces requests evenly, for one thread and across threads. */
final class RateLimitTest {
  @Test
  void callsInABurstWaitOneIntervalEachWhenTimeMovesOnlyBySleeping() throws Exception {
    FakeTime time = new FakeTime();
    RateLimiter limiter = new RateLimiter(30, time, time);

    for (int i = 0; i < 5; i++) {
      limiter.acquire();
    }

    // 1/30 s = 33 333 333 ns; the first call goes at once.
    assertEquals(List.of(33_333_333L, 33_333_333L, 33_333_333L, 33_333_333L),
        time.sleeps().stream().map(Duration::toNanos).toList());
  }

  @Test
  void callsSpreadOutInTimeDoNotWait() throws Exception {
    FakeTime time = new FakeTime();
    RateLimiter limiter = new RateLimiter(30, time, time);

    for (int i = 0; i < 5; i++) {
      limiter.acquire();
      time.advance(Duration.ofMillis(40));
    }

    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void threadsArrivingTogetherGetConsecutiveSlots() throws Exception {
    FakeTime frozen = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
    List<Duration> waits = new CopyOnWriteArrayList<>();
    RateLimiter limiter = new RateLimiter(10, frozen, waits::add);
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Duration>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return limiter.acquire();
        }));
      }
      start.countDown();
      List<Long> waited = new ArrayList<>();
      for (Future<Duration> result : results) {
        waited.add(result.get(10, TimeUnit.SECONDS).toMillis());
      }
      Collections.sort(waited);
      assertEquals(List.of(0L, 100L, 200L, 300L, 400L, 500L, 600L, 700L), waited);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void clientSpacesItsCallsAtTheConfiguredRate() throws Exception {
    try (ApiServer api = new ApiServer()) {
      OkHttpBotApi client = api.client().requestsPerSecond(4).build();
      for (int i = 0; i < 4; i++) {
        api.reply("{\"success\":true}");
      }

      for (int i = 0; i < 4; i++) {
        client.leaveChat(5);
      }

      assertEquals(List.of(250L, 250L, 250L), api.time.sleepMillis());
      assertEquals(4, api.server.getRequestCount());
    }
  }
}
