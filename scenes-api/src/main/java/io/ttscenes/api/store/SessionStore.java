package io.ttscenes.api.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Keeps sessions, their pending outboxes, session timers (when a session's earliest scheduled job
 * comes due) and the long-poll marker of one bot.
 *
 * <p>A store instance belongs to one bot (its keys carry that bot's prefix). Every method is
 * thread-safe and may be called from many lanes at once. Methods throw
 * {@link StoreUnavailableException} when the backing service cannot be reached; in that case
 * nothing was changed, or the change is reported on the next {@link #load}.
 */
public interface SessionStore extends AutoCloseable {

  /**
   * How many recent update ids each session remembers for de-duplication at least, however old
   * they are; ids younger than {@link #RECENT_UPDATE_WINDOW} are remembered beyond it.
   */
  int RECENT_UPDATE_IDS = 64;

  /**
   * How long a session remembers an update id at least, whatever its traffic: longer than TamTam's
   * retry spacing (30 to 60 s), so a delivery repeated after a 503 or a lost answer is recognised.
   * Bounded by {@link #RECENT_UPDATE_IDS_CAP}.
   */
  Duration RECENT_UPDATE_WINDOW = Duration.ofMinutes(2);

  /**
   * The most update ids a session remembers, however young: a session committing more within
   * {@link #RECENT_UPDATE_WINDOW} (17 updates a second) drops the oldest early, and the commit
   * reports it ({@link CommitResult.Committed#windowCapped()}).
   */
  int RECENT_UPDATE_IDS_CAP = 2048;

  /** Returns the stored session for {@code key}, or empty when there is none (or it expired). */
  Optional<StoredSession> load(String key);

  /**
   * Returns the session as the backing service holds it now, bypassing any local cache that
   * {@link #load} may serve (a cached copy older than what it returns is dropped, so the next
   * load reads the service too). Callers that act on a session without a commit, whose version
   * check would catch a stale read, use this. The default is {@link #load}, right for stores
   * without a cache.
   */
  default Optional<StoredSession> loadLatest(String key) {
    return load(key);
  }

  /**
   * Returns the session for {@code key} as {@link #load} does when that costs no round trip to
   * the backing service (a cached copy); otherwise a store whose refused commits carry the current
   * session ({@link CommitResult.Conflict#current()}) may skip the read and guess there is none. A
   * caller acting on a guess commits expecting version 0, which either creates the session or is
   * refused with the session it did not read, so a new session costs one round trip, not two.
   * Callers that would act without a commit must not use it. The default is {@link #load}, never
   * a guess; decorators that intercept {@code load} must intercept this too.
   */
  default SessionRead loadOrGuess(String key) {
    return SessionRead.loaded(load(key));
  }

  /**
   * Atomically checks that the session's version is {@code commit.expectedVersion()} (0: no
   * session exists) and writes the new data, the outbox entry (if any), the update id into the
   * session's recent ids (with the time of the commit, which trims them: see
   * {@link #RECENT_UPDATE_WINDOW}), and the idle TTL, all in one step, and removes the outbox entries named
   * by {@link Commit#clearedOutboxIds()}. On a version mismatch nothing is written and the current
   * version is reported, with the current session when the store read it in the same step (see
   * {@link CommitResult.Conflict#current()}).
   */
  CommitResult commit(Commit commit);

  /**
   * Returns the outbox entry {@code outboxId} of session {@code key} while it is pending (committed
   * and not cleared), read from the backing service. The engine uses it after a commit whose
   * outcome a store failure hid, to tell its own entry from one another instance committed for the
   * same update, and recovery before it sends an entry another instance left (once per entry: it
   * may have been sent and cleared since the listing). The default walks
   * {@link #pendingOutboxes(Optional, int)}; stores override it with a direct read.
   */
  default Optional<OutboxEntry> outboxEntry(String key, String outboxId) {
    Optional<String> cursor = Optional.empty();
    do {
      PendingPage page = pendingOutboxes(cursor, 1000);
      Optional<OutboxEntry> found = page.entries().stream()
          .filter(p -> p.key().equals(key) && p.entry().id().equals(outboxId))
          .map(PendingOutbox::entry).findFirst();
      if (found.isPresent()) {
        return found;
      }
      cursor = page.next();
    } while (cursor.isPresent());
    return Optional.empty();
  }

  /** Removes one outbox entry of {@code key} after all its calls were sent. Idempotent. */
  void clearOutbox(String key, String outboxId);

  /**
   * Removes many sent outbox entries at once: for each session key, the entry ids listed under
   * it. Idempotent, as {@link #clearOutbox}; not atomic: when it throws, any part may have been
   * removed, and calling it again is safe. The default calls {@link #clearOutbox} per entry;
   * stores that can do it in fewer round trips override it (and decorators that intercept
   * {@code clearOutbox} must intercept this too).
   */
  default void clearOutboxes(Map<String, ? extends Collection<String>> idsByKey) {
    idsByKey.forEach((key, ids) -> ids.forEach(id -> clearOutbox(key, id)));
  }

  /**
   * Returns up to {@code limit} outbox entries that were committed but never cleared, oldest
   * first, such as those left by a crash between commit and send.
   *
   * @throws IllegalArgumentException if {@code limit} is not positive
   */
  List<PendingOutbox> pendingOutboxes(int limit);

  /**
   * Returns one page of a walk over every pending outbox entry: start with an empty
   * {@code cursor}, then pass each page's {@link PendingPage#next} until it is empty. A page holds
   * at most {@code limit} entries, except that it never splits one session's entries (listed in
   * commit order): a session reaching the limit comes whole. An entry that stays pending during
   * the whole walk is seen in it; one committed or cleared meanwhile may be seen or not; an entry
   * may be seen twice when its session moved in the listing order. The walk is not a snapshot,
   * and a cursor stays valid however the store changes. The default returns the first
   * {@code limit} entries of {@link #pendingOutboxes(int)} as the only page, right only for stores
   * that never hold more; stores that may hold more override it.
   *
   * @throws IllegalArgumentException if {@code limit} is not positive or {@code cursor} is not
   *     one this store returned
   */
  default PendingPage pendingOutboxes(Optional<String> cursor, int limit) {
    if (cursor.isPresent()) {
      throw new IllegalArgumentException("cursor '" + cursor.get() + "' was not returned by this store,"
          + " which lists its pending outboxes in one page");
    }
    return PendingPage.last(pendingOutboxes(limit));
  }

  /** Sets (replacing any earlier one) the timer of session {@code key} to fire at {@code due}. */
  void scheduleTimer(String key, Instant due);

  /**
   * Removes the timer of session {@code key}, if any, whatever it is set to. Idempotent. Prefer
   * {@link #cancelTimer(String, Instant)} when another instance may re-arm the timer meanwhile.
   */
  void cancelTimer(String key);

  /**
   * Removes the timer of session {@code key} only while it is set to {@code due}, compared in
   * whole milliseconds: a due time given to {@link #scheduleTimer}, or the lease end of a claim
   * (claim time plus lease). A timer re-armed since, by any instance, stays. Atomic.
   *
   * @return whether a timer was removed
   */
  boolean cancelTimer(String key, Instant due);

  /**
   * Moves the timer of session {@code key} to {@code to} only while it is set to {@code from}
   * (compared in whole milliseconds, as {@link #cancelTimer(String, Instant)} does), so a timer a
   * commit or another instance changed since stays as they left it. The default cancels, then
   * schedules, which is not atomic; stores shared by instances override it with one atomic step.
   *
   * @return whether the timer was moved
   */
  default boolean rescheduleTimer(String key, Instant from, Instant to) {
    if (!cancelTimer(key, from)) {
      return false;
    }
    scheduleTimer(key, to);
    return true;
  }

  /**
   * Claims up to {@code limit} timers due at or before {@code now}. A claimed timer is hidden from
   * every other caller for {@code lease}; if it is neither cancelled nor rescheduled within the
   * lease, it becomes due again, so a crash after claiming loses no timer. Among concurrent
   * callers (in one process or many), each due timer is claimed by exactly one. Earliest due
   * timers are claimed first.
   *
   * @throws IllegalArgumentException if {@code limit} is not positive or {@code lease} is not
   *     positive
   */
  List<String> claimDueTimers(Instant now, Duration lease, int limit);

  /**
   * Makes every timer set to fire after {@code now} and at or before {@code horizon} (a due time,
   * or the lease end of a claim) due at {@code now}; timers already due and later ones stay. A
   * restarted instance calls it with {@code now} plus its claim lease once it knows its
   * predecessor dead, so the timers that instance had claimed fire at once instead of after their
   * lease; a timer woken early finds nothing due and is set back by the engine. Not atomic across
   * timers; each one moves only from the score it was read with. The default refuses: such timers
   * then wait out their lease.
   *
   * @return how many timers were moved
   * @throws IllegalArgumentException if {@code horizon} is before {@code now}
   * @throws UnsupportedOperationException if this store cannot wake timers early
   */
  default int wakeTimersDueBy(Instant horizon, Instant now) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot wake timers before their due time");
  }

  /**
   * Adds {@code entry} to the inbox of session {@code key} (which need not exist yet) unless an
   * entry with its id is there already, and makes the session's timer due no later than
   * {@code entry.at()} (a later timer or a claim's lease end is lowered; an earlier one stays), so
   * some instance's {@link #claimDueTimers} finds it. Entries leave the inbox only through a
   * commit naming them in {@link Commit#consumedSignalIds()}. A commit that changes the session's
   * wake while its inbox holds entries keeps the timer no later than it was. Not atomic across
   * the inbox and the timer: a caller that fails in between calls again with the same entry. The
   * default refuses: stores that carry signals override it.
   *
   * @throws UnsupportedOperationException if this store does not carry signals
   */
  default void appendSignal(String key, InboxEntry entry) {
    throw new UnsupportedOperationException(getClass().getName() + " does not carry signals between sessions");
  }

  /**
   * Returns the inbox of session {@code key}: the signals appended and not yet consumed by a
   * commit, oldest first (by {@link InboxEntry#at()}, then id). The default is an empty inbox.
   */
  default List<InboxEntry> inbox(String key) {
    return List.of();
  }

  /**
   * Returns the data shared by the members of chat {@code chatKey} ({@code c:<id>}), written by
   * commits carrying a {@link Commit#chatData()}, or empty when none is stored (or it expired).
   * Always the latest stored version (no cache): a commit compares against it. The default
   * refuses: stores that carry chat data override it, and this one together with
   * {@link #commit} honouring {@link Commit#chatData()}.
   *
   * @throws IllegalArgumentException if {@code chatKey} is not a chat key
   * @throws UnsupportedOperationException if this store does not carry chat data
   */
  default Optional<StoredChatData> loadChatData(String chatKey) {
    throw new UnsupportedOperationException(getClass().getName() + " does not carry chat data");
  }

  /** How many dead letters a store keeps at most; adding one more drops the oldest. */
  int DEAD_LETTERS_KEPT = 1000;

  /** How long a store keeps a dead letter: one older than the newest by this much is dropped. */
  Duration DEAD_LETTER_AGE = Duration.ofDays(7);

  /**
   * Keeps {@code letter} unless a letter with its id is kept already, then drops the letters
   * older than {@link #DEAD_LETTER_AGE} before it and the oldest beyond {@link #DEAD_LETTERS_KEPT};
   * returns whether it was kept. Atomic: of concurrent adds with one id (two instances giving up
   * on the same update) exactly one keeps its letter, and the kept letter stays as first written.
   * A letter taken with {@link #takeDeadLetter} may be added again. The default refuses: stores
   * that keep dead letters override it, and the runtime then only logs.
   *
   * @throws UnsupportedOperationException if this store does not keep dead letters
   */
  default boolean addDeadLetter(DeadLetter letter) {
    throw new UnsupportedOperationException(getClass().getName() + " does not keep dead letters");
  }

  /**
   * Returns up to {@code limit} kept dead letters, oldest first (by {@link DeadLetter#at()}, then
   * id). The default is none.
   *
   * @throws IllegalArgumentException if {@code limit} is not positive
   */
  default List<DeadLetter> deadLetters(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit is " + limit + "; it must be >= 1");
    }
    return List.of();
  }

  /**
   * Removes dead letter {@code id} and returns it, or empty when no letter has that id (never
   * kept, dropped, or taken already). Atomic: among concurrent callers one gets it, so a replay
   * that takes its letter first runs once. The default finds none.
   */
  default Optional<DeadLetter> takeDeadLetter(String id) {
    return Optional.empty();
  }

  /** Returns the last stored long-poll marker of this bot, or empty before the first one. */
  OptionalLong loadMarker();

  /**
   * Stores the long-poll marker of this bot unless a greater one is stored already: the marker
   * only moves forward, so a poller finishing an older page after another instance took over
   * cannot send the next start back to updates that were handled since. Atomic.
   */
  void saveMarker(long marker);

  /**
   * Takes the lease {@code name} for {@code owner} when nobody holds it or it has expired, or
   * renews it when {@code owner} holds it already; the lease then lasts {@code ttl}. Among
   * concurrent callers (in one process or many) at most one holds a lease at a time. The default
   * grants every call, right only for a store that a single process uses; shared stores override.
   *
   * @return whether {@code owner} holds the lease now
   * @throws IllegalArgumentException if {@code ttl} is under 1 ms or a name is blank
   */
  default boolean tryAcquireLease(String name, String owner, Duration ttl) {
    Leases.check(name, owner, ttl);
    return true;
  }

  /**
   * Extends the lease {@code name} to {@code ttl} from now, only while {@code owner} still holds
   * it; an expired lease or one held by another is not touched. The default grants every call,
   * as {@link #tryAcquireLease} does.
   *
   * @return whether {@code owner} still holds the lease
   * @throws IllegalArgumentException if {@code ttl} is under 1 ms or a name is blank
   */
  default boolean renewLease(String name, String owner, Duration ttl) {
    Leases.check(name, owner, ttl);
    return true;
  }

  /**
   * Frees the lease {@code name} at once if {@code owner} holds it, so another owner may take it
   * without waiting for the TTL; a lease held by another is not touched. Idempotent.
   */
  default void releaseLease(String name, String owner) {
    Leases.check(name, owner, Duration.ofMillis(1));
  }

  /** Releases connections and caches; the store is unusable afterwards. */
  @Override
  void close();
}
