package io.ttscenes.runtime.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Feeds the engine's events to Micrometer: {@code ttscenes.updates} (counter by type and
 * outcome), {@code ttscenes.handler.latency} (timer by type), {@code ttscenes.lanes.depth} (gauge),
 * {@code ttscenes.commit.conflicts}, {@code ttscenes.api.calls} (by operation and result),
 * {@code ttscenes.store.retries}, {@code ttscenes.outbox.recovered} and
 * {@code ttscenes.updates.dead_lettered} (by type). Every meter carries the
 * {@code bot} tag. Thread-safe.
 */
public final class MicrometerRuntimeListener implements RuntimeListener {
  private final MeterRegistry registry;
  private final String bot;
  private final AtomicInteger depth = new AtomicInteger();

  /** Registers the lane depth gauge in {@code registry} and tags every meter with {@code bot}. */
  public MicrometerRuntimeListener(MeterRegistry registry, String bot) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.bot = Objects.requireNonNull(bot, "bot");
    registry.gauge("ttscenes.lanes.depth", io.micrometer.core.instrument.Tags.of("bot", bot), depth);
  }

  @Override
  public void updateHandled(String updateType, UpdateOutcome outcome, Duration duration) {
    Counter.builder("ttscenes.updates").description("updates handled, by type and outcome")
        .tags("bot", bot, "type", updateType, "outcome", outcome.name().toLowerCase(Locale.ROOT))
        .register(registry).increment();
    Timer.builder("ttscenes.handler.latency").description("time from lane start to ack")
        .tags("bot", bot, "type", updateType).register(registry).record(duration);
  }

  @Override
  public void commitConflict(String updateType) {
    Counter.builder("ttscenes.commit.conflicts").tags("bot", bot, "type", updateType)
        .register(registry).increment();
  }

  @Override
  public void storeRetry(String operation, int attempt, Duration delay) {
    Counter.builder("ttscenes.store.retries").tags("bot", bot, "operation", operation)
        .register(registry).increment();
  }

  @Override
  public void effectSent(String operation) {
    apiCall(operation, "sent");
  }

  @Override
  public void effectFailed(String operation, boolean retryable) {
    apiCall(operation, retryable ? "retry_later" : "rejected");
  }

  @Override
  public void updateDeadLettered(String updateType) {
    Counter.builder("ttscenes.updates.dead_lettered")
        .description("updates given up after failing too many times in a row")
        .tags("bot", bot, "type", updateType).register(registry).increment();
  }

  @Override
  public void outboxRecovered() {
    Counter.builder("ttscenes.outbox.recovered").tags("bot", bot).register(registry).increment();
  }

  @Override
  public void laneDepth(int depth) {
    this.depth.set(depth);
  }

  private void apiCall(String operation, String result) {
    Counter.builder("ttscenes.api.calls").tags("bot", bot, "operation", operation, "result", result)
        .register(registry).increment();
  }
}
