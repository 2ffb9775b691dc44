package io.ttscenes.runtime.engine;

import io.ttscenes.api.Bot;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.testing.FakeClock;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A dispatcher for one bot over a real in-memory store (wrapped for fault injection), a recording
 * Bot API, a fake clock and a sleeper that records waits instead of sleeping.
 */
final class Harness implements AutoCloseable {
  final FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
  final FaultyStore store;
  final RecordingBotApi api = new RecordingBotApi();
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final Dispatcher dispatcher;
  private volatile Consumer<Integer> onSleep = n -> {};

  final CountingListener listener = new CountingListener();

  Harness(Bot bot) {
    this(bot, new FaultyStore(InMemorySessionStore.create()), 4, 1024);
  }

  Harness(Bot bot, FaultyStore store, int parallelism) {
    this(bot, store, parallelism, 1024);
  }

  Harness(Bot bot, FaultyStore store, int parallelism, int capacity) {
    this(bot, store, parallelism, capacity, UnaryOperator.identity());
  }

  /** As the others, with {@code settings} applied last to the dispatcher's builder. */
  Harness(Bot bot, FaultyStore store, int parallelism, int capacity, UnaryOperator<Dispatcher.Builder> settings) {
    this.store = store;
    this.dispatcher = settings.apply(Dispatcher.builder(bot, store, api)
        .clock(clock)
        .parallelism(parallelism)
        .queueCapacity(capacity)
        .listener(listener)
        .sleeper(duration -> {
          sleeps.add(duration);
          onSleep.accept(sleeps.size());
        })
        .recoveryMinAge(Duration.ofSeconds(30)))
        .build();
  }

  /** Runs {@code action} with the number of waits so far each time the engine waits for a retry. */
  void onSleep(Consumer<Integer> action) {
    this.onSleep = action;
  }

  /** Submits {@code update} and waits until it may be acked; fails the test if it is not. */
  void handle(Update update) {
    try {
      dispatcher.submit(update).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("update " + update.updateType() + " was not acked", e);
    }
  }

  List<String> texts() {
    return api.sentTexts();
  }

  @Override
  public void close() {
    dispatcher.close();
  }
}
