package io.ttscenes.runtime.warmup;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ttscenes.api.Bot;
import io.ttscenes.api.client.UpdatesRequest;
import io.ttscenes.api.model.Update;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.engine.MicrometerRuntimeListener;
import io.ttscenes.runtime.json.WireJson;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Takes synthetic users through a bot on a dispatcher of its own: an in-memory store that is
 * dropped afterwards, the {@link CannedApi} instead of TamTam and a throwaway meter registry. Each
 * step of a batch of users is read from a long-poll page by the real client, handled and
 * committed by the real engine, and its replies written as request bodies. Not thread-safe.
 */
final class Rehearsal implements AutoCloseable {
  private static final int STEPS = 4;
  private static final int PAGE_CAP = 1000;
  private static final int FIRST_BATCH = 4;

  private final CannedApi canned = new CannedApi(WireJson.MAPPER);
  private final Dispatcher dispatcher;
  private final RehearsalListener listener;
  private final int batch;
  private long marker;
  private int updates;

  Rehearsal(Bot bot, int parallelism, Duration handlerDeadline, int batch) {
    this.batch = Math.min(batch, PAGE_CAP / 2);
    this.listener = new RehearsalListener(
        new MicrometerRuntimeListener(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), bot.name()));
    this.dispatcher = Dispatcher.builder(bot, InMemorySessionStore.create(), canned.api())
        .parallelism(parallelism).handlerDeadline(handlerDeadline).listener(listener).build();
  }

  /**
   * Runs conversations of {@code users} users, a batch at a time, until all are done, the deadline
   * ({@link System#nanoTime()}) passes, {@code stop} completes or a handler failed; returns how many
   * updates were handled.
   */
  int run(int users, long deadline, CompletableFuture<Void> stop) throws InterruptedException {
    for (int first = 0; first < users; ) {
      // A small first batch: on a cold JVM its first step alone loads most classes, and it should
      // finish (and count) within a short budget.
      int count = Math.min(first == 0 ? FIRST_BATCH : batch, users - first);
      for (int step = 0; step < STEPS; step++) {
        if (stop.isDone() || System.nanoTime() >= deadline || !step(first, count, step, deadline, stop)) {
          return updates;
        }
      }
      first += count;
    }
    return updates;
  }

  /** How many synthetic updates a handler failed on (the rehearsal stops after the step of the first). */
  int handlerFailures() {
    return listener.handlerFailures();
  }

  /** Calls made to the canned API so far. */
  int apiCalls() {
    return canned.calls();
  }

  /** Reads one step's page, submits the conversation's updates and waits for them; false on timeout. */
  private boolean step(int first, int count, int step, long deadline, CompletableFuture<Void> stop)
      throws InterruptedException {
    List<Update> read = poll(first, count, step);
    List<CompletableFuture<Void>> done = new ArrayList<>(count);
    for (Update update : read.subList(0, Math.min(count, read.size()))) {
      // An update the engine would not acknowledge is still a rehearsed update: failures count as done.
      done.add(dispatcher.submit(update).exceptionally(failure -> null));
    }
    try {
      CompletableFuture.anyOf(CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)), stop)
          .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Out of time (or stopped): what was handled still counts.
    }
    int handled = (int) done.stream().filter(CompletableFuture::isDone).count();
    updates += handled;
    return handled == done.size() && listener.handlerFailures() == 0 && !stop.isDone();
  }

  /** The step's page through the real client: the batch's updates first, then one of each other kind. */
  private List<Update> poll(int first, int count, int step) {
    long now = System.currentTimeMillis();
    List<String> page = new ArrayList<>(count + 6);
    marker++;
    for (int n = first; n < first + count; n++) {
      page.add(update(SampleUpdates.user(n), now, step));
    }
    page.addAll(SampleUpdates.otherKinds(SampleUpdates.user(first), now));
    canned.answerNextPoll(SampleUpdates.page(page, marker));
    return canned.api().getUpdates(UpdatesRequest.defaults().withMarker(marker)).updates();
  }

  /** A user's update at {@code step}: started, a button they were offered (or a text), a text, a command. */
  private String update(long user, long now, int step) {
    return switch (step) {
      case 0 -> SampleUpdates.botStarted(user, now);
      case 1 -> canned.buttons(user).stream().findFirst()
          .map(payload -> SampleUpdates.callback(user, now, payload, "mid.warm-up.kb", marker))
          .orElseGet(() -> SampleUpdates.message(user, now, "warm-up", marker));
      case 2 -> SampleUpdates.message(user, now, "warm-up answer", marker);
      default -> SampleUpdates.message(user, now, "/status", marker);
    };
  }

  /** Stops the dispatcher's threads; a handler still running past its deadline is interrupted. */
  @Override
  public void close() {
    dispatcher.close();
  }
}
