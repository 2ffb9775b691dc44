package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class TrySubmitTest {

  @Test
  void anUpdateRefusedForWantOfRoomIsNeitherQueuedNorCounted() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger handled = new AtomicInteger();
    AtomicInteger received = new AtomicInteger();
    Bot bot = Bot.builder("try").root(r -> r.onText(ctx -> {
      handled.incrementAndGet();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    })).build();
    RuntimeListener counting = new RuntimeListener() {
      @Override
      public void updateReceived(String updateType) {
        received.incrementAndGet();
      }
    };
    try (Dispatcher dispatcher = Dispatcher.builder(bot, InMemorySessionStore.create(), new RecordingBotApi())
        .parallelism(1).queueCapacity(1).listener(counting).build()) {
      CompletableFuture<Void> first = dispatcher.submit(text(1, 10, "one"));

      Optional<CompletableFuture<Void>> refused = dispatcher.trySubmit(text(2, 20, "two"), Duration.ofMillis(50));

      assertTrue(refused.isEmpty(), "the only lane slot is taken");
      assertEquals(1, received.get(), "a refused update is counted when it is delivered again, not now");
      release.countDown();
      first.get(10, TimeUnit.SECONDS);
      Optional<CompletableFuture<Void>> accepted = dispatcher.trySubmit(text(2, 20, "two"), Duration.ofSeconds(10));
      assertTrue(accepted.isPresent());
      accepted.get().get(10, TimeUnit.SECONDS);
      assertEquals(2, received.get());
      assertEquals(2, handled.get(), "the refused update ran only once it was accepted");
    }
  }
}
