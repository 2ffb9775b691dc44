package io.ttscenes.runtime.engine;

import io.ttscenes.api.store.SessionStore;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells other instances that this one is alive: it holds the store lease {@code instance:<id>},
 * renewed every ttl/3 by the {@link LeaseKeeper}, and stamps its id on every outbox entry it commits. An
 * instance that recovers an entry of another owner first takes that owner's lease: it gets it only
 * when the owner is gone (it expired or was released), and then holds it (a claim) while it has
 * that owner's entries parked, being recovered onto their lanes, or sent and not yet cleared from
 * the store (see {@link LeaseKeeper}), and for one keeper round after
 * it last recovered or retried one, so no third instance sends them too. Once this instance finds
 * its own lease lost, it retires its id and never retries the entries stamped with it: whoever took
 * the lease recovers them. Thread-safe.
 */
final class InstanceLease implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceLease.class);
  private static final String PREFIX = "instance:";

  private final SessionStore store;
  private final Duration ttl;
  // Owner -> whether an entry of it was recovered or retried since the keeper's last round. The
  // keeper releases a claim only when it finds it unused (false) twice: a use between its read of
  // what is parked and its release (a lane parking and sending an entry) keeps the claim.
  private final ConcurrentHashMap<String, Boolean> claims = new ConcurrentHashMap<>();
  private final Set<String> retired = ConcurrentHashMap.newKeySet();
  private volatile String id;
  private volatile long confirmedAt;

  InstanceLease(SessionStore store, String id, Duration ttl) {
    this.store = store;
    this.id = id;
    this.ttl = ttl;
  }

  /** The id stamped on entries committed now. */
  String id() {
    return id;
  }

  /**
   * Renews this instance's lease now; if another instance took it or it expired, retires the id
   * and takes a fresh one. Returns whether the lease is confirmed (false on a store failure).
   */
  boolean confirm() {
    String current = id;
    try {
      if (store.renewLease(PREFIX + current, current, ttl)
          || (confirmedAt == 0 && store.tryAcquireLease(PREFIX + current, current, ttl))) {
        confirmedAt = System.nanoTime();
        return true;
      }
      retire(current, "another instance took it or it expired");
      String fresh = id;
      if (store.tryAcquireLease(PREFIX + fresh, fresh, ttl)) {
        confirmedAt = System.nanoTime();
        return true;
      }
      return false;
    } catch (RuntimeException e) {
      if (confirmedAt != 0 && System.nanoTime() - confirmedAt + ttl.toNanos() / 3 >= ttl.toNanos()) {
        // The lease may run out before the next try: an instance recovering our entries would
        // not be seen in time.
        retire(current, "the store was unreachable: " + e.getMessage());
      } else {
        LOG.warn("instance {} could not renew its lease ({}); it tries again", current, e.getMessage());
      }
      return false;
    }
  }

  private void retire(String old, String why) {
    synchronized (this) {
      if (!id.equals(old)) {
        return;
      }
      retired.add(old);
      id = UUID.randomUUID().toString();
      confirmedAt = 0;
    }
    LOG.warn("instance {} lost its lease ({}); the entries it parked are left to the instance that "
        + "recovers outboxes, and it goes on as instance {}", old, why, id);
  }

  /**
   * Returns whether this instance may recover a store entry stamped {@code owner} that it does not
   * know: an unstamped one (written before owners existed) yes; its own no (its parked queue has
   * it); another's only if this instance holds or could take that owner's lease.
   */
  boolean mayRecover(String owner) {
    if (owner == null) {
      return true;
    }
    if (owner.equals(id)) {
      return false;
    }
    try {
      if (store.tryAcquireLease(PREFIX + owner, id, ttl)) {
        claims.put(owner, true);
        return true;
      }
    } catch (RuntimeException e) {
      LOG.warn("could not check whether instance {} is alive ({}); its entries wait", owner, e.getMessage());
    }
    claims.remove(owner);
    return false;
  }

  /**
   * Returns whether this instance may send a parked entry stamped {@code owner}: its own while its
   * id is current; another's while it still holds the claim on that owner's lease.
   */
  boolean mayRetry(String owner) {
    if (owner.equals(id)) {
      return true;
    }
    // Marked used atomically: a keeper that has not yet released the claim then keeps it.
    if (claims.computeIfPresent(owner, (o, used) -> true) == null) {
      return false;
    }
    return renewClaim(owner);
  }

  private boolean renewClaim(String owner) {
    try {
      if (store.renewLease(PREFIX + owner, id, ttl)) {
        return true;
      }
    } catch (RuntimeException e) {
      LOG.warn("could not renew the claim on instance {} ({}); its entries are left", owner, e.getMessage());
      return false;
    }
    claims.remove(owner);
    return false;
  }

  /** The owners whose leases this instance holds as claims now (see {@link #mayRecover}). */
  Set<String> claims() {
    return Set.copyOf(claims.keySet());
  }

  /**
   * Of {@code held} (a copy of {@link #claims()} taken before {@code inUse} was read), renews the
   * claims whose owners' entries are parked, being recovered or sent and not yet cleared here
   * ({@code inUse}) or were recovered or retried
   * since the last round, and releases the rest. A claim is thus let go only after a whole round
   * unused, never under an entry parked and sent after {@code inUse} was read.
   */
  void keepClaims(Set<String> held, Set<String> inUse) {
    for (String owner : held) {
      if (inUse.contains(owner) || claims.replace(owner, true, false)) {
        renewClaim(owner);
      } else if (claims.remove(owner, false)) {
        releaseInStore(owner);
      }
    }
  }

  private void release(String owner) {
    claims.remove(owner);
    releaseInStore(owner);
  }

  private void releaseInStore(String owner) {
    try {
      store.releaseLease(PREFIX + owner, id);
    } catch (RuntimeException e) {
      LOG.debug("could not release the lease of instance {} ({}); it expires", owner, e.getMessage());
    }
  }

  /**
   * Frees the lease of {@code dead}, an earlier process of this instance known to be gone, so its
   * entries can be recovered at once instead of after the lease's TTL. Best effort.
   */
  void freeDead(String dead) {
    try {
      store.releaseLease(PREFIX + dead, dead);
    } catch (RuntimeException e) {
      LOG.warn("could not free the lease of gone instance {} ({}); it expires", dead, e.getMessage());
    }
  }

  /**
   * Releases this instance's lease and its claims; the {@link LeaseKeeper} stopped renewing them
   * first. The id is retired too: a lane still running after a drain that ran out of time never
   * retries an entry that the instance taking the released lease now recovers.
   */
  @Override
  public void close() {
    Set.copyOf(claims.keySet()).forEach(this::release);
    String current = id;
    synchronized (this) {
      retired.add(current);
      id = "closed-" + current;
    }
    try {
      store.releaseLease(PREFIX + current, current);
    } catch (RuntimeException e) {
      LOG.warn("instance {} could not release its lease ({}); it expires", current, e.getMessage());
    }
  }
}
