package io.ttscenes.runtime.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps this instance's {@link InstanceLease} every ttl/3 on a daemon thread: renews it, and the
 * claims on other owners' leases that the entries {@link Outboxes} parks still use. It reads what
 * is parked and hands it to the lease, so the lease never asks the outboxes (which ask the lease
 * whether they may retry an entry): each call goes one way.
 */
final class LeaseKeeper implements AutoCloseable {
  private final InstanceLease lease;
  private final Outboxes outboxes;
  private final ScheduledExecutorService thread;

  private LeaseKeeper(InstanceLease lease, Outboxes outboxes) {
    this.lease = lease;
    this.outboxes = outboxes;
    this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread keeper = new Thread(runnable, "ttscenes-instance-lease");
      keeper.setDaemon(true);
      return keeper;
    });
  }

  /** Takes the lease now (on the calling thread) and keeps it every {@code ttl}/3 from then on. */
  static LeaseKeeper start(InstanceLease lease, Outboxes outboxes, Duration ttl) {
    LeaseKeeper keeper = new LeaseKeeper(lease, outboxes);
    lease.confirm();
    long period = Math.max(1, ttl.toMillis() / 3);
    keeper.thread.scheduleWithFixedDelay(keeper::keep, period, period, TimeUnit.MILLISECONDS);
    return keeper;
  }

  private void keep() {
    lease.confirm();
    // Claims first, then what is parked: a claim taken for an entry that is parked meanwhile is
    // then seen in use, not released under it.
    Set<String> held = lease.claims();
    lease.keepClaims(held, outboxes.parkedOwners());
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
