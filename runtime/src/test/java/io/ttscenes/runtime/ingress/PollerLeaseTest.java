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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poller lease tells its subscribers when this instance gains and loses it. */
final class PollerLeaseTest {
  private final InMemorySessionStore store = InMemorySessionStore.create();
  private final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();
  private final PollerLease lease = PollerLease.create(store, "me", Duration.ofMillis(300), Optional.empty(),
      "poller-lease-test");

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
  void stoppingWhileHoldingReleasesTheLeaseAndTellsTheLoss() throws Exception {
    lease.subscribe(changes::add);
    lease.start();
    lease.stop();

    assertEquals(List.of(Change.GAINED, Change.LOST), List.copyOf(changes));
    assertTrue(store.tryAcquireLease("poller", "other", Duration.ofMinutes(1)), "stop released it");
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
