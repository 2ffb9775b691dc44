package io.ttscenes.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class LanesTest {
  private final ExecutorService executor = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void idleLanesAreRemovedSoKeysDoNotLeak() {
    Lanes lanes = new Lanes(executor, 64, RuntimeListener.NONE);
    for (int i = 0; i < 2000; i++) {
      lanes.submit("key-" + i, () -> {});
    }
    assertTrue(lanes.drain(Duration.ofSeconds(10)));
    assertEquals(0, lanes.activeLanes());
  }

  @Test
  void fullLanesBlockTheSubmitterUntilATaskFinishes() throws Exception {
    Lanes lanes = new Lanes(executor, 2, RuntimeListener.NONE);
    CountDownLatch release = new CountDownLatch(1);
    List<String> ran = new CopyOnWriteArrayList<>();
    lanes.submit("a", () -> awaitQuietly(release));
    // Queued behind the blocked task of the same session, it holds the second slot.
    lanes.submit("a", () -> ran.add("a2"));
    CompletableFuture<Void> third = CompletableFuture.runAsync(() -> lanes.submit("c", () -> ran.add("c")));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!lanes.hasBlockedSubmitters() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertTrue(lanes.hasBlockedSubmitters(), "the third submit should wait for room");
    assertFalse(third.isDone());
    release.countDown();
    third.get(10, TimeUnit.SECONDS);
    assertTrue(lanes.drain(Duration.ofSeconds(10)));
    assertEquals(List.of("a2", "c"), ran.stream().sorted().toList());
  }

  @Test
  void aTimedSubmitGivesUpWhileTheLanesStayFullAndQueuesNothing() throws Exception {
    Lanes lanes = new Lanes(executor, 1, RuntimeListener.NONE);
    CountDownLatch release = new CountDownLatch(1);
    List<String> ran = new CopyOnWriteArrayList<>();
    lanes.submit("a", () -> awaitQuietly(release));

    boolean queued = lanes.trySubmit("b", () -> ran.add("b"), Duration.ofMillis(50));

    assertFalse(queued, "no room came within the timeout");
    release.countDown();
    assertTrue(lanes.trySubmit("c", () -> ran.add("c"), Duration.ofSeconds(10)));
    assertTrue(lanes.drain(Duration.ofSeconds(10)));
    assertEquals(List.of("c"), ran);
  }

  @Test
  void drainingLanesRefuseNewWorkWithAClearMessage() {
    Lanes lanes = new Lanes(executor, 4, RuntimeListener.NONE);
    assertTrue(lanes.drain(Duration.ofSeconds(1)));
    IllegalStateException error = assertThrows(IllegalStateException.class, () -> lanes.submit("k", () -> {}));
    assertEquals("dispatcher is draining or closed; update for session k was not accepted", error.getMessage());
  }

  @Test
  void submitterWaitingForRoomWhenTheDrainBeginsIsRefusedInsteadOfQueuedAfterIt() throws Exception {
    Lanes lanes = new Lanes(executor, 1, RuntimeListener.NONE);
    CountDownLatch release = new CountDownLatch(1);
    List<String> ran = new CopyOnWriteArrayList<>();
    lanes.submit("a", () -> awaitQuietly(release));
    CompletableFuture<Void> late = CompletableFuture.runAsync(() -> lanes.submit("b", () -> ran.add("b")));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!lanes.hasBlockedSubmitters() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertTrue(lanes.hasBlockedSubmitters(), "the second submit should wait for room");
    assertFalse(lanes.drain(Duration.ZERO), "the first task still runs");
    release.countDown();

    ExecutionException refused = assertThrows(ExecutionException.class, () -> late.get(10, TimeUnit.SECONDS));
    assertEquals("dispatcher is draining or closed; update for session b was not accepted",
        refused.getCause().getMessage());
    assertTrue(lanes.drain(Duration.ofSeconds(10)));
    assertEquals(List.of(), ran);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
