package io.ttscenes.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The claims this instance holds on a gone instance's lease while it sends that instance's entries
 * (docs/architecture.md, Scale-out): each keeper round copies the claims, reads what is parked and
 * hands both to the lease. A claim released under an entry being sent would let another instance
 * recover and send the same entry. The rounds are driven by hand here, with the lane's moves put
 * between the keeper's reads.
 */
final class InstanceLeaseClaimsTest {
  private static final Duration TTL = Duration.ofMinutes(1);

  private final InMemorySessionStore store = InMemorySessionStore.create();
  private final InstanceLease lease = new InstanceLease(store, "me", TTL);

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aClaimUsedForASendAfterTheKeeperReadWhatIsParkedIsNotReleasedUnderIt() {
    assertTrue(lease.confirm());
    assertTrue(lease.mayRecover("gone"), "the gone instance's lease is free: this one claims it");
    keeperRound(Set.of());
    Set<String> held = lease.claims();
    Set<String> parked = Set.of();
    // The lane parks the recovered entry and starts sending it just after the keeper's read.
    assertTrue(lease.mayRetry("gone"));

    lease.keepClaims(held, parked);

    assertFalse(store.tryAcquireLease("instance:gone", "other", TTL),
        "the claim was released while its entry is being sent: another instance would send it too");
    assertTrue(lease.mayRetry("gone"));
  }

  @Test
  void aClaimTakenForRecoverySurvivesTheRoundBeforeItsEntryIsParked() {
    assertTrue(lease.confirm());
    assertTrue(lease.mayRecover("gone"));

    // The recovered entry still waits in its lane's queue: not parked yet.
    keeperRound(Set.of());

    assertFalse(store.tryAcquireLease("instance:gone", "other", TTL), "released before its entry was parked");
    assertTrue(lease.mayRetry("gone"), "the entry, parked now, may be sent");
  }

  @Test
  void aClaimNoEntryUsesForAWholeRoundIsReleased() {
    assertTrue(lease.confirm());
    assertTrue(lease.mayRecover("gone"));

    keeperRound(Set.of());
    keeperRound(Set.of());

    assertTrue(store.tryAcquireLease("instance:gone", "other", TTL), "an unused claim is let go");
    assertFalse(lease.mayRetry("gone"));
  }

  @Test
  void aClaimWhoseEntryStaysParkedIsKept() {
    assertTrue(lease.confirm());
    assertTrue(lease.mayRecover("gone"));

    for (int round = 0; round < 3; round++) {
      keeperRound(Set.of("gone"));
    }

    assertFalse(store.tryAcquireLease("instance:gone", "other", TTL));
    assertTrue(lease.mayRetry("gone"));
  }

  /** What {@link LeaseKeeper} does each ttl/3, with {@code parked} as what Outboxes parks. */
  private void keeperRound(Set<String> parked) {
    lease.keepClaims(lease.claims(), parked);
  }
}
