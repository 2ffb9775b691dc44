package io.ttscenes.api.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A store that forwards every call to another one. Decorators (metrics, logging, fault injection in
 * tests) extend it and override only what they change. Thread-safe when the delegate is.
 */
public abstract class ForwardingSessionStore implements SessionStore {
  private final SessionStore delegate;

  protected ForwardingSessionStore(SessionStore delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The store every call goes to. */
  protected SessionStore delegate() {
    return delegate;
  }

  @Override
  public Optional<StoredSession> load(String key) {
    return delegate.load(key);
  }

  @Override
  public Optional<StoredSession> loadLatest(String key) {
    return delegate.loadLatest(key);
  }

  @Override
  public SessionRead loadOrGuess(String key) {
    return delegate.loadOrGuess(key);
  }

  @Override
  public CommitResult commit(Commit commit) {
    return delegate.commit(commit);
  }

  @Override
  public void clearOutbox(String key, String outboxId) {
    delegate.clearOutbox(key, outboxId);
  }

  @Override
  public void clearOutboxes(Map<String, ? extends Collection<String>> idsByKey) {
    delegate.clearOutboxes(idsByKey);
  }

  @Override
  public List<PendingOutbox> pendingOutboxes(int limit) {
    return delegate.pendingOutboxes(limit);
  }

  @Override
  public PendingPage pendingOutboxes(Optional<String> cursor, int limit) {
    return delegate.pendingOutboxes(cursor, limit);
  }

  @Override
  public void scheduleTimer(String key, Instant due) {
    delegate.scheduleTimer(key, due);
  }

  @Override
  public void cancelTimer(String key) {
    delegate.cancelTimer(key);
  }

  @Override
  public boolean cancelTimer(String key, Instant due) {
    return delegate.cancelTimer(key, due);
  }

  @Override
  public boolean rescheduleTimer(String key, Instant from, Instant to) {
    return delegate.rescheduleTimer(key, from, to);
  }

  @Override
  public List<String> claimDueTimers(Instant now, Duration lease, int limit) {
    return delegate.claimDueTimers(now, lease, limit);
  }

  @Override
  public int wakeTimersDueBy(Instant horizon, Instant now) {
    return delegate.wakeTimersDueBy(horizon, now);
  }

  @Override
  public void appendSignal(String key, InboxEntry entry) {
    delegate.appendSignal(key, entry);
  }

  @Override
  public Optional<OutboxEntry> outboxEntry(String key, String outboxId) {
    return delegate.outboxEntry(key, outboxId);
  }

  @Override
  public Optional<StoredChatData> loadChatData(String chatKey) {
    return delegate.loadChatData(chatKey);
  }

  @Override
  public List<InboxEntry> inbox(String key) {
    return delegate.inbox(key);
  }

  @Override
  public OptionalLong loadMarker() {
    return delegate.loadMarker();
  }

  @Override
  public void saveMarker(long marker) {
    delegate.saveMarker(marker);
  }

  @Override
  public boolean tryAcquireLease(String name, String owner, Duration ttl) {
    return delegate.tryAcquireLease(name, owner, ttl);
  }

  @Override
  public boolean renewLease(String name, String owner, Duration ttl) {
    return delegate.renewLease(name, owner, ttl);
  }

  @Override
  public void releaseLease(String name, String owner) {
    delegate.releaseLease(name, owner);
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public boolean addDeadLetter(DeadLetter letter) {
    return delegate.addDeadLetter(letter);
  }

  @Override
  public List<DeadLetter> deadLetters(int limit) {
    return delegate.deadLetters(limit);
  }

  @Override
  public Optional<DeadLetter> takeDeadLetter(String id) {
    return delegate.takeDeadLetter(id);
  }
}
