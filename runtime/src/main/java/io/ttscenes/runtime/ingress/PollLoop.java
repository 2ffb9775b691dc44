package io.ttscenes.runtime.ingress;

import io.ttscenes.api.client.ApiRejectedException;
import io.ttscenes.api.client.BotApiException;
import io.ttscenes.api.client.MalformedResponseException;
import io.ttscenes.api.model.UnreadableUpdate;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.model.UpdateList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-poll loop on its own thread: poll, hand the whole page to the dispatcher, wait until
 * every update is acknowledged (re-running the failed ones; one that failed
 * {@link PollSettings#deadLetterAfter()} times in a row is dead-lettered), and only then move the
 * marker on and store it. While a page with room left waits for a slow update, the loop polls
 * again from the same marker every {@link PollSettings#pollAgainAfter()}, so the updates after it
 * run at once; the marker still moves only past updates that are all done. {@link Lifecycle} decides when the thread may be interrupted: only while it polls or
 * waits, never while a batch is in the lanes. Polling happens in terms while the {@link PollGate}
 * is open; each term starts from the stored marker, since another instance may have polled in
 * between.
 */
final class PollLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(LongPollIngress.class);

  private final PollSettings settings;
  private final Lifecycle lifecycle;
  private final PollGate gate;
  private final BatchAcks acks;
  private volatile Long marker;
  private boolean markerUnsaved;
  // System.nanoTime() of the last stored marker; no store yet while neverSaved.
  private long savedAtNanos;
  private boolean neverSaved = true;
  // Whether updates are in hand: stop then waits instead of interrupting (see holdWork).
  private boolean working;
  // The last page handed to the dispatcher: its updates are the ones in hand while working.
  private UpdateList lastPage;

  PollLoop(PollSettings settings, Lifecycle lifecycle, PollGate gate) {
    this.settings = settings;
    this.lifecycle = lifecycle;
    this.gate = gate;
    this.acks = new BatchAcks(settings.dispatcher());
  }

  /** The marker of the last fully acknowledged page (empty before the first one). */
  OptionalLong acknowledgedMarker() {
    Long current = marker;
    return current == null ? OptionalLong.empty() : OptionalLong.of(current);
  }

  @Override
  public void run() {
    try {
      while (gate.awaitOpen(lifecycle) && loadMarker()) {
        pollWhileOpen();
        storeUnsaved(true);
      }
    } catch (RuntimeException | Error e) {
      // Not expected (every known failure is retried above); say so loudly rather than die quietly.
      LOG.error("long polling stopped by an unexpected error; no further updates are received", e);
      throw e;
    } finally {
      storeUnsaved(true);
      lifecycle.finished();
    }
  }

  private boolean loadMarker() {
    // Another instance may have moved the marker meanwhile: what was in hand is polled afresh
    // (the dispatcher joins an update still in its lane rather than queueing it twice).
    acks.forget();
    for (int failures = 1; !lifecycle.isStopping(); failures++) {
      try {
        OptionalLong stored = settings.store().loadMarker();
        marker = stored.isPresent() ? stored.getAsLong() : null;
        LOG.info("long polling starts from {}", marker == null ? "the first uncommitted update"
            : "stored marker " + marker);
        return true;
      } catch (RuntimeException e) {
        if (!pause(settings.backoff().delay(failures), "loading the stored marker failed", e, failures)) {
          return false;
        }
      }
    }
    return false;
  }

  private void pollWhileOpen() {
    try {
      pollPages();
      // Stopping or the lease lost with updates in hand: they are waited for and their marker
      // stored, as for any page in progress, so the next poller does not get them again.
      if (working && lastPage != null) {
        firstRound(lastPage).ifPresent(done -> settle(lastPage, done));
      }
    } finally {
      releaseWork();
    }
  }

  private void pollPages() {
    int failures = 0;
    while (!lifecycle.isStopping() && gate.isOpen()) {
      Optional<UpdateList> page = poll(failures + 1);
      if (page.isEmpty()) {
        failures++;
        continue;
      }
      failures = 0;
      if (!gate.isOpen()) {
        // The lease went to another instance during the poll: that one polls from the stored
        // marker, which is still before this page, and handles it.
        if (!page.get().updates().isEmpty()) {
          LOG.info("a page of {} update(s) arrived after the poller lease was lost; it is left to "
              + "the new holder", page.get().updates().size());
        }
        return;
      }
      if (!acknowledge(page.get())) {
        return;
      }
    }
  }

  /** One getUpdates call; empty when it failed (after waiting the backoff) or we are stopping. */
  private Optional<UpdateList> poll(int attempt) {
    try {
      UpdateList page = settings.api().getUpdates(settings.request().withMarker(marker));
      deadLetterUnreadable(page);
      return Optional.of(page);
    } catch (Exception e) {
      // Exception, not RuntimeException: a client may throw an undeclared checked one (OkHttp's
      // InterruptedException on stop); while stopping any failure just ends the loop.
      if (!lifecycle.isStopping()) {
        pauseAfterPollFailure(e, attempt);
      }
      return Optional.empty();
    }
  }

  /**
   * Keeps the updates of {@code page} the client could not read as dead letters, at once: the
   * page may yet be left to another poller, and the client returns each such update only once.
   */
  private void deadLetterUnreadable(UpdateList page) {
    for (UnreadableUpdate update : page.unreadable()) {
      try {
        settings.dispatcher().deadLetteredBody(update.type(), update.json(),
            "update " + update.type() + " of a polled page cannot be read: " + update.reason());
      } catch (RuntimeException e) {
        LOG.warn("could not keep unreadable update {} as a dead letter: {}", update.type(), e.toString());
      }
    }
  }

  private void pauseAfterPollFailure(Exception e, int attempt) {
    if (e instanceof ApiRejectedException rejected && rejected.status() == 401) {
      Duration delay = settings.unauthorizedRetry();
      LOG.error("TamTam rejected the bot token (HTTP 401 {}: {}); check TAMTAM_TOKEN. Long polling "
          + "does not stop: next try at {} (in {} s)", rejected.code(), rejected.apiMessage(),
          settings.clock().instant().plus(delay), delay.toSeconds());
      sleep(delay);
      return;
    }
    String what = e instanceof MalformedResponseException ? "getUpdates answered a malformed body"
        : e instanceof BotApiException ? "getUpdates failed" : "getUpdates failed unexpectedly";
    pause(settings.backoff().delay(attempt), what, e, attempt);
  }

  /**
   * Hands {@code page} to the dispatcher until every update is acknowledged, then moves the marker
   * on; returns false when stopping made us give up (the marker then stays before the page). A
   * page with room left whose updates are not all done within {@code pollAgainAfter} returns true
   * with the marker unmoved and the work still held: the next poll from the same marker brings
   * the same updates (waited for, not submitted again) and any new ones, which run meanwhile.
   */
  private boolean acknowledge(UpdateList page) {
    if (!holdWork()) {
      return false;
    }
    lastPage = page;
    Optional<BatchAcks.Result> first = firstRound(page);
    return first.isEmpty() || settle(page, first.get());
  }

  /** Re-runs what failed (dead-lettering what keeps failing) and moves the marker; releases the work. */
  private boolean settle(UpdateList page, BatchAcks.Result first) {
    List<Update> pending = page.updates();
    Map<Update, Integer> failures = new IdentityHashMap<>();
    BatchAcks.Result result = first;
    for (int round = 1; ; round++) {
      try {
        result = round == 1 ? first : acks.submitAll(pending);
        pending = lifecycle.isStopping() ? result.failed() : withoutDeadLetters(result, failures);
        if (pending.isEmpty()) {
          advance(page);
          return true;
        }
      } finally {
        releaseWork();
      }
      if (lifecycle.isStopping() || !gate.isOpen()) {
        LOG.warn("{} with {} update(s) of the batch unacknowledged; the marker stays at {} so "
            + "TamTam delivers them again", lifecycle.isStopping() ? "stopping" : "the poller lease was lost",
            pending.size(), marker == null ? "none" : marker);
        return false;
      }
      String what = pending.size() + " of " + page.updates().size()
          + " update(s) of the batch were not acknowledged (the marker stays at "
          + (marker == null ? "none" : marker) + "); they run again";
      if (!pause(settings.backoff().delay(round), what, result.firstError(), round) || !holdWork()) {
        return false;
      }
    }
  }

  /**
   * The page's updates, submitted unless already in hand, once all are done; empty when a page
   * with room left is still running after {@code pollAgainAfter}. A full page is waited for (a
   * poll from the same marker could only bring the same updates back), and so is every page once
   * stopping or the lease is lost, so the updates in hand end with their marker stored.
   */
  private Optional<BatchAcks.Result> firstRound(UpdateList page) {
    boolean again = page.updates().size() < settings.request().limit() && !lifecycle.isStopping()
        && gate.isOpen();
    try {
      Optional<BatchAcks.Result> done = acks.awaitPage(page.updates(),
          again ? Optional.of(settings.pollAgainAfter()) : Optional.empty());
      if (done.isPresent()) {
        // Past this point each update is acknowledged by the marker or run afresh.
        acks.forget();
      }
      return done;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Enters (or stays in) the stretch that stop waits for: from the first submit of a page until
   * its marker moved, across the polls made meanwhile. False when stopping before it began.
   */
  private boolean holdWork() {
    if (!working) {
      working = lifecycle.beginWork();
    }
    return working;
  }

  private void releaseWork() {
    if (working) {
      working = false;
      lifecycle.endWork();
    }
  }

  /**
   * Returns the failed updates to run again; one that failed {@code deadLetterAfter} times in a
   * row is dead-lettered instead, so one update that can never succeed cannot hold the bot back.
   */
  private List<Update> withoutDeadLetters(BatchAcks.Result result, Map<Update, Integer> failures) {
    List<Update> retry = new ArrayList<>();
    for (int i = 0; i < result.failed().size(); i++) {
      Update update = result.failed().get(i);
      int times = failures.merge(update, 1, Integer::sum);
      if (times < settings.deadLetterAfter()) {
        retry.add(update);
        continue;
      }
      Throwable error = result.errors().get(i);
      // The update's content stays out of this line; the dead letter keeps it in the store.
      LOG.warn("update {} failed {} times in a row: it is skipped and the marker moves past it",
          update.updateType(), times, error);
      settings.dispatcher().deadLettered(update, "failed " + times + " times in a row: " + describe(error));
    }
    return retry;
  }

  private void advance(UpdateList page) {
    Long next = page.marker();
    if (next == null) {
      if (!page.updates().isEmpty()) {
        LOG.warn("getUpdates returned {} update(s) without a marker; polling again from {}",
            page.updates().size(), marker);
      }
      return;
    }
    if (!next.equals(marker)) {
      synchronized (this) {
        marker = next;
        markerUnsaved = true;
      }
    }
    // An unmoved marker (an empty poll) stores one held back, however recent the last store.
    if (page.updates().isEmpty() || saveDue()) {
      storeUnsaved(false);
    }
  }

  private boolean saveDue() {
    return neverSaved || System.nanoTime() - savedAtNanos >= settings.markerSaveInterval().toNanos();
  }

  /**
   * Stores a marker held back by the save interval, from the thread that stops the ingress: the
   * poll thread may sit in an abandoned long poll for up to its timeout. No-op when none is held.
   */
  void storeHeldMarker() {
    storeUnsaved(true);
  }

  /** Stores the marker if it moved since the last store; synchronized with stop's thread. */
  private synchronized void storeUnsaved(boolean stopping) {
    if (!markerUnsaved || marker == null) {
      return;
    }
    // Stop interrupts an idle poll: the store call must not see that interrupt (a pooled client
    // waiting for a connection would give up).
    boolean interrupted = Thread.interrupted();
    try {
      settings.store().saveMarker(marker);
      markerUnsaved = false;
      neverSaved = false;
      savedAtNanos = System.nanoTime();
    } catch (RuntimeException e) {
      // Safe to go on: after a crash, polling from the older stored marker only re-delivers updates
      // that dedupe recognises.
      LOG.warn(stopping ? "could not store the last marker {} on stop ({}); the next start re-reads a few "
          + "updates, which dedupe skips" : "could not store marker {} ({}); it is stored with the next batch",
          marker, e.getMessage());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Logs the failure with the time of the next try and waits; false when stopping cut it short. */
  private boolean pause(Duration delay, String what, Throwable error, int failures) {
    LOG.warn("{} ({}); try {} at {} (in {} ms)", what, describe(error), failures + 1,
        settings.clock().instant().plus(delay), delay.toMillis());
    return sleep(delay);
  }

  private boolean sleep(Duration delay) {
    try {
      lifecycle.sleep(settings.sleeper(), delay);
      return !lifecycle.isStopping();
    } catch (InterruptedException e) {
      return false;
    }
  }

  private static String describe(Throwable error) {
    Throwable cause = error;
    while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
