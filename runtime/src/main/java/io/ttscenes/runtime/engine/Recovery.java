package io.ttscenes.runtime.engine;

import io.ttscenes.api.store.PendingOutbox;
import io.ttscenes.api.store.PendingPage;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoreRejectedException;
import io.ttscenes.api.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbox entries that were committed but not sent: those parked here after a retryable API
 * failure, and those a crashed process left in the store. Each runs on its session's lane, so it
 * never races the session's own sending. Store entries younger than the minimum age are left to
 * the live instance that is probably sending them, and so are entries of an instance whose lease
 * is alive (it retries its parked entries itself); this instance's own are in its parked queue.
 * Entries of a dead predecessor of this instance (see {@link Dispatcher.Builder#predecessor}) are
 * sent whatever their age: nobody else can be sending them.
 */
final class Recovery {
  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
  private static final int BATCH = 1000;
  private static final int PAGES_PER_PASS = 100;

  private final SessionStore store;
  private final Outboxes outboxes;
  private final SentOutboxes sent;
  private final OutboxCodec codec;
  private final Lanes lanes;
  private final Clock clock;
  private final Duration minAge;
  private final RuntimeListener listener;
  private final InstanceLease lease;
  // An earlier process of this instance, known to be dead: its entries need not age first.
  private final Optional<String> predecessor;
  // Per owner, how many passes are recovering its entries now (see recovering()).
  private final Map<String, Integer> recovering = new ConcurrentHashMap<>();
  // Where the next pass continues the walk over the store; guarded by this.
  private Optional<String> resumeAt = Optional.empty();
  // Bumped by standDown(): a pass of an earlier generation sends no more store entries.
  private final AtomicLong generation = new AtomicLong();

  Recovery(SessionStore store, Outboxes outboxes, SentOutboxes sent, OutboxCodec codec, Lanes lanes, Clock clock,
      Duration minAge, RuntimeListener listener, InstanceLease lease, Optional<String> predecessor) {
    this.store = store;
    this.outboxes = outboxes;
    this.sent = sent;
    this.codec = codec;
    this.lanes = lanes;
    this.clock = clock;
    this.minAge = minAge;
    this.listener = listener;
    this.lease = lease;
    this.predecessor = predecessor;
  }

  /**
   * Makes the passes under way send no more store entries: this instance lost the lease that
   * made it the recovering one, and the new holder recovers what they leave in the store. Passes
   * started later run as usual.
   */
  void standDown() {
    generation.incrementAndGet();
  }

  /** Sends crash-left store entries (when {@code fromStore}) and this dispatcher's parked ones. */
  CompletableFuture<Integer> run(boolean fromStore) {
    // Taken when the pass is called, not once it gets the walk: a pass that waits for the one
    // before it is under way too, and a lease lost meanwhile stops it as well.
    long pass = generation.get();
    List<CompletableFuture<Integer>> sent = new ArrayList<>();
    // If this instance's lease ran out, another may be recovering its parked entries: find out
    // before retrying them (a lost lease retires them).
    lease.confirm();
    // Taken before the store's entries go to their lanes: one of them that parks in this pass
    // (the API still down) waits for the next pass rather than being retried at once, whichever
    // runs first, its lane or this thread.
    Set<String> parked = outboxes.parkedKeys();
    if (fromStore) {
      recoverFromStore(sent, pass);
    }
    try {
      // After the store's entries: a crash-left entry then takes its place in commit order among
      // the session's parked entries before these are flushed.
      for (String key : parked) {
        sent.add(onLane(key, () -> outboxes.flush(key)));
      }
    } catch (IllegalStateException e) {
      sent.add(CompletableFuture.failedFuture(e));
    }
    return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> sent.stream().mapToInt(CompletableFuture::join).sum());
  }

  /**
   * Walks the store's pending outboxes from where the last pass stopped, at most
   * {@value #PAGES_PER_PASS} pages: a walk that reaches the end starts at the front next pass,
   * one cut short or failing resumes there. Sessions that keep chatting keep their place at the
   * front of the listing, so a single page would never reach the entries behind them.
   */
  private synchronized void recoverFromStore(List<CompletableFuture<Integer>> sent, long pass) {
    int first = sent.size();
    Set<String> marked = new HashSet<>();
    try {
      long cutoff = clock.instant().minus(minAge).toEpochMilli();
      // One lease check per owner and pass, not per entry; the owner is marked before it.
      Map<String, Boolean> mayRecover = new HashMap<>();
      Function<String, Boolean> check = owner -> {
        mark(owner, marked);
        return lease.mayRecover(owner);
      };
      for (int page = 0; page < PAGES_PER_PASS; page++) {
        if (generation.get() != pass) {
          LOG.info("outbox recovery stops: this instance lost the lease to recover; the holder goes on");
          return;
        }
        PendingPage pending = store.pendingOutboxes(resumeAt, BATCH);
        for (PendingOutbox entry : pending.entries()) {
          recover(entry, cutoff, mayRecover, check, pass).ifPresent(sent::add);
        }
        resumeAt = pending.next();
        if (resumeAt.isEmpty()) {
          return;
        }
      }
    } catch (StoreUnavailableException | StoreRejectedException | IllegalStateException e) {
      // A failed pass, not a throw: the scheduled recovery that runs it must stay scheduled.
      sent.add(CompletableFuture.failedFuture(e));
    } catch (IllegalArgumentException e) {
      // A cursor the store no longer accepts: start the walk over next pass instead of failing
      // on the same cursor for ever.
      LOG.warn("the store refused the recovery cursor {}; the next pass starts at the front", resumeAt, e);
      resumeAt = Optional.empty();
      sent.add(CompletableFuture.failedFuture(e));
    } finally {
      List<CompletableFuture<Integer>> ours = List.copyOf(sent.subList(first, sent.size()));
      CompletableFuture.allOf(ours.toArray(CompletableFuture[]::new)).whenComplete((done, e) -> unmark(marked));
    }
  }

  private Optional<CompletableFuture<Integer>> recover(PendingOutbox pending, long cutoff,
      Map<String, Boolean> mayRecover, Function<String, Boolean> check, long pass) {
    String key = pending.key();
    String id = pending.entry().id();
    if (sent.sentButNotCleared(key, id)) {
      // Sent already; its clear failed or waits for a commit that may never come.
      return Optional.of(onLane(key, () -> {
        sent.clearNow(key);
        return 0;
      }));
    }
    if (outboxes.knows(key, id)) {
      return Optional.empty();
    }
    OutboxPayload payload;
    try {
      payload = codec.decode(pending.entry().payload());
    } catch (IllegalStateException e) {
      LOG.error("session {}: outbox {} is unreadable and is left in the store: {}", key, id, e.getMessage());
      return Optional.empty();
    }
    boolean young = payload.createdAt() > cutoff && !predecessor.equals(Optional.ofNullable(payload.owner()));
    if (young || (payload.owner() != null
        && !mayRecover.computeIfAbsent(payload.owner(), check))) {
      return Optional.empty();
    }
    // Unstamped entries become this instance's; others stay under the lease it now holds for them.
    String owner = payload.owner() == null ? lease.id() : payload.owner();
    return Optional.of(onLane(key, () -> {
      if (outboxes.knows(key, id)) {
        return 0;
      }
      if (generation.get() != pass) {
        // The lease was lost while this waited for its lane: the new holder recovers it; another
        // owner's entry stays under the claim taken here until the keeper lets it go unused (once
        // nothing of that owner is parked here, or sent and not cleared yet).
        LOG.info("session {}: outbox {} is left to the instance that now recovers outboxes", key, id);
        return 0;
      }
      if (payload.owner() != null && !stillPending(key, id)) {
        return 0;
      }
      LOG.info("session {}: recovering outbox {} of update {} ({} calls)", key, id, payload.updateId(),
          payload.effects().size());
      int done = outboxes.deliverRecovered(key, id, owner, payload.effects());
      for (int i = 0; i < done; i++) {
        listener.outboxRecovered();
      }
      return done;
    }));
  }

  /**
   * Whether another owner's entry is still in the store, read once this instance holds the claim
   * on that owner's lease: the listing may be older than the claim (a pass waits for room on the
   * lanes between its entries), and the instance that held the claim before may meanwhile have
   * sent the entry, cleared it and let the claim go. One store read per recovered entry.
   */
  private boolean stillPending(String key, String id) {
    try {
      if (store.outboxEntry(key, id).isPresent()) {
        return true;
      }
      LOG.info("session {}: outbox {} was sent and cleared since this pass listed it", key, id);
    } catch (StoreUnavailableException | StoreRejectedException e) {
      LOG.warn("session {}: could not check that outbox {} is still pending ({}); a later pass tries "
          + "it again", key, id, e.getMessage());
    }
    return false;
  }

  /**
   * The owners whose store entries a pass is recovering now: marked before the claim on the
   * owner's lease is taken, unmarked once the pass's entries ran on their lanes (sent, or parked,
   * where {@link Outboxes#parkedOwners} shows them). A busy lane may hold an entry longer than a
   * lease renewal period, and the claim must not be released meanwhile, or the entry would be
   * left for the next pass.
   */
  Set<String> recovering() {
    return Set.copyOf(recovering.keySet());
  }

  private void mark(String owner, Set<String> marked) {
    if (marked.add(owner)) {
      recovering.merge(owner, 1, Integer::sum);
    }
  }

  private void unmark(Set<String> marked) {
    marked.forEach(owner -> recovering.computeIfPresent(owner, (o, passes) -> passes == 1 ? null : passes - 1));
  }

  private CompletableFuture<Integer> onLane(String key, IntSupplier work) {
    CompletableFuture<Integer> result = new CompletableFuture<>();
    lanes.submit(key, () -> {
      try {
        result.complete(work.getAsInt());
      } catch (RuntimeException e) {
        LOG.error("session {}: outbox recovery failed: {}", key, e.getMessage(), e);
        result.completeExceptionally(e);
      }
    });
    return result;
  }
}
