package io.ttscenes.runtime.ingress;

import io.ttscenes.api.model.Update;
import io.ttscenes.runtime.engine.Dispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Submits the updates of one page in order and waits for all of them; reports which ones may not
 * be acknowledged. Waits without a timeout on purpose: an update waiting for the store keeps the
 * marker where it is, which is exactly what must happen.
 */
final class BatchAcks {
  private final Dispatcher dispatcher;

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
