package io.ttscenes.runtime.engine;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps this instance's {@link InstanceLease} every ttl/3 on a daemon thread: renews it, and the
 * claims on other owners' leases still in use: by entries {@link Outboxes} parks or sent and has
 * not cleared from the store yet, or ones {@link Recovery} is handing to their lanes. It reads those owners and hands them to the lease, so
 * the lease never asks the outboxes (which ask the lease whether they may retry an entry): each
 * call goes one way.
 */
final class LeaseKeeper implements AutoCloseable {
  private final InstanceLease lease;
  private final Outboxes outboxes;
  private final Recovery recovery;
  private final ScheduledExecutorService thread;

  private LeaseKeeper(InstanceLease lease, Outboxes outboxes, Recovery recovery) {
    this.lease = lease;
    this.outboxes = outboxes;
    this.recovery = recovery;
    this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread keeper = new Thread(runnable, "ttscenes-instance-lease");
      keeper.setDaemon(true);
      return keeper;
    });
  }

  /** Takes the lease now (on the calling thread) and keeps it every {@code ttl}/3 from then on. */
  static LeaseKeeper start(InstanceLease lease, Outboxes outboxes, Recovery recovery, Duration ttl) {
    LeaseKeeper keeper = new LeaseKeeper(lease, outboxes, recovery);
    lease.confirm();
    long period = Math.max(1, ttl.toMillis() / 3);
    keeper.thread.scheduleWithFixedDelay(keeper::keep, period, period, TimeUnit.MILLISECONDS);
    return keeper;
  }

  private void keep() {
    lease.confirm();
    // Claims first, then what is in use: a claim taken after the copy is not looked at this round;
    // one used after the reads below is marked used by the lease and kept. Recovering before parked:
    // an entry parks before its pass unmarks its owner, so it is seen in one or the other.
    Set<String> held = lease.claims();
    Set<String> inUse = new HashSet<>(recovery.recovering());
    inUse.addAll(outboxes.parkedOwners());
    // Then sent and not yet cleared (the clear delay): another recovering instance would list the
    // entry and send it again. A send between the two reads marked its claim used, which keeps it.
    inUse.addAll(outboxes.sentOwners());
    lease.keepClaims(held, inUse);
  }

  /** Stops keeping, then releases the lease and its claims so another instance recovers at once. */
  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lease.close();
  }
}
