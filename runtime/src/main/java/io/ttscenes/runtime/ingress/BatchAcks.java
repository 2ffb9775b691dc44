package io.ttscenes.runtime.ingress;

import io.ttscenes.api.model.Update;
import io.ttscenes.runtime.engine.Dispatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Submits the updates of one page in order and waits for all of them; reports which ones may not
 * be acknowledged. Waits without a timeout on purpose: an update waiting for the store keeps the
 * marker where it is, which is exactly what must happen. A page may also be waited for a while
 * only ({@link #awaitPage}): the updates it submitted stay in hand, so the same updates polled
 * again from the same marker are waited for, not submitted twice. Used by the poll thread only.
 */
final class BatchAcks {
  private final Dispatcher dispatcher;
  // Submitted since the marker last moved, by value: a page polled again holds equal records.
  private final Map<Update, CompletableFuture<Void>> inHand = new HashMap<>();

  BatchAcks(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** The updates of a page that failed, in page order, each with its error. */
  record Result(List<Update> failed, List<Throwable> errors) {
    /** The first failed update's error, or null when none failed. */
    Throwable firstError() {
      return errors.isEmpty() ? null : errors.get(0);
    }
  }

  Result submitAll(List<Update> updates) {
    List<CompletableFuture<Void>> futures = new ArrayList<>(updates.size());
    for (Update update : updates) {
      futures.add(submit(update));
    }
    // One wait for the whole page: waiting on each future in turn woke this thread once per
    // update that finished while it waited, in page order rather than completion order.
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).handle((done, e) -> null).join();
    return result(updates, futures);
  }

  /**
   * Submits the updates of {@code updates} not in hand yet and waits for all of them, at most
   * {@code patience} when one is given: empty when some were still running then (they stay in
   * hand). The caller must {@link #forget} the updates in hand once it moved the marker past them
   * or gives them up.
   */
  Optional<Result> awaitPage(List<Update> updates, Optional<Duration> patience) throws InterruptedException {
    List<CompletableFuture<Void>> futures = new ArrayList<>(updates.size());
    for (Update update : updates) {
      futures.add(inHand.computeIfAbsent(update, this::submit));
    }
    CompletableFuture<Void> all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .handle((done, e) -> null);
    try {
      if (patience.isPresent()) {
        all.get(patience.get().toNanos(), TimeUnit.NANOSECONDS);
      } else {
        all.join();
      }
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a handled wait failed", e);
    }
    return Optional.of(result(updates, futures));
  }

  /** Drops the updates in hand: acknowledged by a marker move, or to be submitted afresh. */
  void forget() {
    inHand.clear();
  }

  private static Result result(List<Update> updates, List<CompletableFuture<Void>> futures) {
    List<Update> failed = new ArrayList<>();
    List<Throwable> errors = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      try {
        futures.get(i).join();
      } catch (CompletionException | CancellationException e) {
        failed.add(updates.get(i));
        errors.add(e);
      }
    }
    return new Result(List.copyOf(failed), List.copyOf(errors));
  }

  private CompletableFuture<Void> submit(Update update) {
    try {
      return dispatcher.submit(update);
    } catch (RuntimeException e) {
      // Closing or a routing failure: this update is not acknowledged, the rest of the page goes on.
      return CompletableFuture.failedFuture(e);
    }
  }
}
