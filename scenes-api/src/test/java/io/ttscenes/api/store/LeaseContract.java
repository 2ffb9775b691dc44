package io.ttscenes.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The lease and marker-order half of the contract; see {@link SessionStoreContract}. */
public abstract class LeaseContract extends DeadLetterContract {

  @Test
  void leaseIsHeldByOneOwnerAtATime() {
    assertTrue(store.tryAcquireLease("poller", "a", HOUR));
    assertFalse(store.tryAcquireLease("poller", "b", HOUR));
    assertTrue(store.tryAcquireLease("poller", "a", HOUR), "taking it again as its owner renews it");
    assertTrue(store.tryAcquireLease("other", "b", HOUR), "leases of other names are independent");
  }

  @Test
  void onlyTheOwnerRenewsALease() {
    assertFalse(store.renewLease("poller", "a", HOUR), "nothing to renew before it is taken");
    store.tryAcquireLease("poller", "a", HOUR);

    assertFalse(store.renewLease("poller", "b", HOUR));
    assertTrue(store.renewLease("poller", "a", HOUR));
    assertFalse(store.tryAcquireLease("poller", "b", HOUR), "a renewal by another takes nothing");
  }

  @Test
  void onlyTheOwnerReleasesALeaseAndThenAnotherTakesItAtOnce() {
    store.tryAcquireLease("poller", "a", HOUR);
    store.releaseLease("poller", "b");
    assertFalse(store.tryAcquireLease("poller", "b", HOUR), "a release by another frees nothing");

    store.releaseLease("poller", "a");
    store.releaseLease("poller", "a");
    assertFalse(store.renewLease("poller", "a", HOUR), "a released lease is not renewed");
    assertTrue(store.tryAcquireLease("poller", "b", HOUR));
  }

  @Test
  void expiredLeaseIsTakenByAnotherAndNotRenewedByItsFormerOwner() {
    Duration ttl = expiryTtl();
    assertTrue(store.tryAcquireLease("poller", "a", ttl));

    passTime(ttl.plusMillis(1));
    awaitTakenBy("b");
    assertFalse(store.renewLease("poller", "a", HOUR));
    assertFalse(store.tryAcquireLease("poller", "a", HOUR));
  }

  @Test
  void leaseArgumentsAreChecked() {
    IllegalArgumentException ttl = assertThrows(IllegalArgumentException.class,
        () -> store.tryAcquireLease("poller", "a", Duration.ZERO));
    assertEquals("lease ttl is PT0S; it must be at least 1 ms", ttl.getMessage());
    IllegalArgumentException owner = assertThrows(IllegalArgumentException.class,
        () -> store.renewLease("poller", " ", HOUR));
    assertTrue(owner.getMessage().contains("owner"), owner.getMessage());
  }

  @Test
  void concurrentOwnersTakeALeaseExactlyOnce() throws Exception {
    List<Boolean> taken = Concurrently.run(8,
        () -> store.tryAcquireLease("race", Thread.currentThread().getName(), HOUR));
    assertEquals(1, taken.stream().filter(Boolean::booleanValue).count(), "winners: " + taken);
  }

  @Test
  void markerNeverMovesBack() {
    store.saveMarker(500);
    store.saveMarker(400);
    assertEquals(OptionalLong.of(500), store.loadMarker());
    store.saveMarker(501);
    assertEquals(OptionalLong.of(501), store.loadMarker());
  }

  private void awaitTakenBy(String owner) {
    // Real-time stores expire on their own clock: poll with a deadline instead of sleeping.
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!store.tryAcquireLease("poller", owner, HOUR)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the lease did not expire within 20 s");
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }
}
