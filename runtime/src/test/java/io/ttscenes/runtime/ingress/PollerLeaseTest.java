package io.ttscenes.runtime.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.runtime.ingress.PollerLease.Change;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poller lease tells its subscribers when this instance gains and loses it. */
final class PollerLeaseTest {
  private final InMemorySessionStore store = InMemorySessionStore.create();
  private final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();
  // Its own thread name per test, so threads of an earlier test still ending are not counted.
  private final String threadName = "poller-lease-test-" + UUID.randomUUID();
  private final PollerLease lease = PollerLease.create(store, "me", Duration.ofMillis(300), Optional.empty(),
      threadName);

  @AfterEach
  void stop() {
    lease.stop();
    store.close();
  }

  @Test
  void subscribersAreToldOfTheGainOnStartAndOfTheLossWhenAnotherInstanceTakesIt() throws Exception {
    lease.subscribe(changes::add);
    lease.start();
    assertEquals(List.of(Change.GAINED), List.copyOf(changes), "the gain on start is told inline");
    assertTrue(lease.isHeld());
    changes.clear();

    store.releaseLease("poller", "me");
    assertTrue(store.tryAcquireLease("poller", "other", Duration.ofMinutes(1)));

    assertEquals(Change.LOST, changes.poll(10, TimeUnit.SECONDS), "the next renewal finds it taken");
    assertFalse(lease.isHeld());
    store.releaseLease("poller", "other");
    assertEquals(Change.GAINED, changes.poll(10, TimeUnit.SECONDS), "the keeper takes it back when free");
  }

  @Test
  void stoppingWhileHoldingReleasesTheLeaseTellsTheLossAndEndsItsThreads() throws Exception {
    lease.subscribe(changes::add);
    lease.start();
    lease.stop();

    assertEquals(Change.GAINED, changes.poll(10, TimeUnit.SECONDS));
    assertEquals(Change.LOST, changes.poll(10, TimeUnit.SECONDS));
    assertTrue(store.tryAcquireLease("poller", "other", Duration.ofMinutes(1)), "stop released it");
    for (Thread thread : leaseThreads()) {
      thread.join(10_000);
      assertFalse(thread.isAlive(), thread.getName() + " still runs after stop");
    }
  }

  @Test
  void aLeaseStartedTwiceIsRefusedRatherThanKeptByTwoThreads() {
    lease.start();

    IllegalStateException twice = assertThrows(IllegalStateException.class, lease::start);
    assertTrue(twice.getMessage().contains("poller lease of instance me was already started"), twice.getMessage());
    assertEquals(1, leaseThreads().stream().filter(t -> t.getName().equals(threadName)).count(),
        "one keeper thread");
  }

  @Test
  void aSubscriberIsToldOfAGainBeforeTheLossThatFollowsItWhileAnotherSubscriberIsSlow() throws Exception {
    assertTrue(store.tryAcquireLease("poller", "other", Duration.ofMinutes(1)));
    CountDownLatch slowEntered = new CountDownLatch(1);
    CountDownLatch slowMayGo = new CountDownLatch(1);
    lease.subscribe(change -> {
      if (change == Change.GAINED) {
        slowEntered.countDown();
        await(slowMayGo);
      }
    });
    lease.subscribe(changes::add);
    lease.start();
    store.releaseLease("poller", "other");
    assertTrue(slowEntered.await(10, TimeUnit.SECONDS), "the keeper takes the freed lease");

    store.releaseLease("poller", "me");
    assertTrue(store.tryAcquireLease("poller", "other", Duration.ofMinutes(1)));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (lease.isHeld() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertFalse(lease.isHeld(), "the next renewal finds the lease taken");
    slowMayGo.countDown();

    assertEquals(Change.GAINED, changes.poll(10, TimeUnit.SECONDS));
    assertEquals(Change.LOST, changes.poll(10, TimeUnit.SECONDS), "told in the order it happened");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<Thread> leaseThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith(threadName)).toList();
  }

  @Test
  void aFailingSubscriberDoesNotKeepTheOthersFromBeingTold() {
    lease.subscribe(change -> {
      throw new IllegalStateException("subscriber bug");
    });
    lease.subscribe(changes::add);
    lease.start();

    assertEquals(List.of(Change.GAINED), List.copyOf(changes));
  }

  @Test
  void aBlankOwnerOrATooShortTtlIsRefusedWithTheBadValue() {
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> PollerLease.create(store, " ", Duration.ofSeconds(1), Optional.empty(), "t"));
    assertTrue(blank.getMessage().startsWith("lease owner is blank"), blank.getMessage());
    IllegalArgumentException shortTtl = assertThrows(IllegalArgumentException.class,
        () -> PollerLease.create(store, "me", Duration.ofMillis(2), Optional.empty(), "t"));
    assertEquals("lease ttl is PT0.002S; it must be at least 3 ms", shortTtl.getMessage());
  }
}
