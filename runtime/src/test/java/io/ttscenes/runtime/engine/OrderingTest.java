package io.ttscenes.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class OrderingTest {

  record Seen(int count, List<Integer> order) {}

  @Test
  void updatesOfOneUserFromEightThreadsRunInSubmissionOrderAndCountToExactlyOneHundred() throws Exception {
    Bot bot = Bot.builder("ordering")
        .sessionData(Seen.class, () -> new Seen(0, List.of()))
        .root(r -> r
            .onCommand("count", ctx -> {
              Seen seen = ctx.session(Seen.class);
              ctx.reply("count " + seen.count() + " order " + seen.order());
            })
            .onText(ctx -> {
              Seen seen = ctx.session(Seen.class);
              List<Integer> order = new ArrayList<>(seen.order());
              order.add(Integer.parseInt(ctx.text()));
              ctx.setSession(new Seen(seen.count() + 1, order));
            }))
        .build();
    // A small capacity makes submitters block on a full queue (backpressure) during the run.
    try (Harness h = new Harness(bot, new FaultyStore(InMemorySessionStore.create()), 8, 16)) {
      Object submitLock = new Object();
      int[] nextSequence = {0};
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      ExecutorService threads = Executors.newFixedThreadPool(8);
      CountDownLatch start = new CountDownLatch(1);
      for (int t = 0; t < 8; t++) {
        int thread = t;
        threads.execute(() -> {
          awaitQuietly(start);
          while (true) {
            synchronized (submitLock) {
              // The lock defines the submission order of user 1: the sequence number is its text.
              if (nextSequence[0] == 100) {
                return;
              }
              acks.add(h.dispatcher.submit(TestUpdates.text(1, 10, String.valueOf(nextSequence[0]++))));
              acks.add(h.dispatcher.submit(TestUpdates.text(100 + thread, 10, "-1")));
            }
          }
        });
      }
      start.countDown();
      threads.shutdown();
      threads.awaitTermination(30, TimeUnit.SECONDS);
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      h.handle(TestUpdates.text(1, 10, "/count"));
      assertEquals(100, nextSequence[0]);
      String expected = "count 100 order " + IntStream.range(0, 100).boxed().toList();
      assertEquals(List.of(expected), h.texts());
      assertEquals(201, h.store.commits(), "every update of every user is committed exactly once");
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
