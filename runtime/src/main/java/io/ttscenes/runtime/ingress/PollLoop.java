package io.ttscenes.runtime.ingress;

import io.ttscenes.api.client.ApiRejectedException;
import io.ttscenes.api.client.BotApiException;
import io.ttscenes.api.client.MalformedResponseException;
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
 * marker on and store it. {@link Lifecycle} decides when the thread may be interrupted: only while it polls or
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
        saveUnsavedMarker();
      }
    } catch (RuntimeException | Error e) {
      // Not expected (every known failure is retried above); say so loudly rather than die quietly.
      LOG.error("long polling stopped by an unexpected error; no further updates are received", e);
      throw e;
    } finally {
      saveUnsavedMarker();
      lifecycle.finished();
    }
  }

  private boolean loadMarker() {
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
      return Optional.of(settings.api().getUpdates(settings.request().withMarker(marker)));
    } catch (Exception e) {
      // Exception, not RuntimeException: a client may throw an undeclared checked one (OkHttp's
      // InterruptedException on stop); while stopping any failure just ends the loop.
      if (!lifecycle.isStopping()) {
        pauseAfterPollFailure(e, attempt);
      }
      return Optional.empty();
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
   * on; returns false when stopping made us give up (the marker then stays before the page).
   */
  private boolean acknowledge(UpdateList page) {
    List<Update> pending = page.updates();
    Map<Update, Integer> failures = new IdentityHashMap<>();
    for (int round = 1; ; round++) {
      if (!lifecycle.beginWork()) {
        return false;
      }
      BatchAcks.Result result;
      try {
        result = acks.submitAll(pending);
        pending = lifecycle.isStopping() ? result.failed() : withoutDeadLetters(result, failures);
        if (pending.isEmpty()) {
          advance(page);
          return true;
        }
      } finally {
        lifecycle.endWork();
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
      if (!pause(settings.backoff().delay(round), what, result.firstError(), round)) {
        return false;
      }
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
    if (!next.equals(marker) || markerUnsaved) {
      marker = next;
      saveMarker();
    }
  }

  private void saveMarker() {
    try {
      settings.store().saveMarker(marker);
      markerUnsaved = false;
    } catch (RuntimeException e) {
      markerUnsaved = true;
      // Safe to go on: after a crash, polling from the older stored marker only re-delivers updates
      // that dedupe recognises.
      LOG.warn("could not store marker {} ({}); it is stored with the next batch", marker, e.getMessage());
    }
  }

  private void saveUnsavedMarker() {
    if (markerUnsaved && marker != null) {
      try {
        settings.store().saveMarker(marker);
        markerUnsaved = false;
      } catch (RuntimeException e) {
        LOG.warn("could not store the last marker {} on stop ({}); the next start re-reads a few "
            + "updates, which dedupe skips", marker, e.getMessage());
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
