package io.ttscenes.runtime.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.ttscenes.api.model.Update;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Feeds the engine's events to Micrometer. Per update: {@code ttscenes.updates} (by type and
 * outcome), {@code ttscenes.handler.latency} (by type), {@code ttscenes.commit.conflicts},
 * {@code ttscenes.session.speculation} (first turns on a guessed new session, by outcome
 * {@code hit} or {@code miss}),
 * {@code ttscenes.updates.dead_lettered}; per committed update ({@link TurnReport}):
 * {@code ttscenes.scene.latency} (by scene and step where the handler ran),
 * {@code ttscenes.scene.entered}, {@code .completed}, {@code .left_early}, {@code .timed_out} (by
 * scene and step), {@code ttscenes.scene.moves} (by {@code from} and {@code to} place),
 * {@code ttscenes.deeplink.starts} (by campaign and the scene and step the start led to) and
 * {@code ttscenes.funnel.reached} (users of a campaign reaching a scene and step, or a milestone
 * as {@code scene} with step {@code -}), {@code ttscenes.milestones} (by {@code milestone}); per send:
 * {@code ttscenes.api.calls} (by method and outcome {@code sent}, {@code parked} or
 * {@code rejected}), {@code ttscenes.outbox.parked}, {@code ttscenes.outbox.recovered}, {@code ttscenes.outbox.dead_lettered}, {@code ttscenes.dedupe.capped}; and
 * {@code ttscenes.store.retries} and the gauge {@code ttscenes.lanes.depth}. Every meter carries
 * the {@code bot} tag; every tag value comes from the bot's definition or a bounded set, so users
 * cannot add time series: a {@code type} the client has no class for (whatever a page or a webhook
 * body names) is counted as {@code other}. Thread-safe.
 */
public final class MicrometerRuntimeListener implements RuntimeListener {
  /** The update types the client reads, plus the engine's own for timers. */
  private static final Set<String> KNOWN_TYPES = Stream.concat(
      Stream.of(Update.class.getAnnotation(JsonSubTypes.class).value()).map(JsonSubTypes.Type::name),
      Stream.of("scheduled_job")).collect(Collectors.toUnmodifiableSet());

  /** Each outcome's tag value, lower-cased once rather than per update. */
  private static final String[] OUTCOMES = Stream.of(UpdateOutcome.values())
      .map(outcome -> outcome.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

  private final MeterCache meters;
  private final AtomicInteger depth = new AtomicInteger();

  /** Registers the lane depth gauge in {@code registry} and tags every meter with {@code bot}. */
  public MicrometerRuntimeListener(MeterRegistry registry, String bot) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(bot, "bot");
    this.meters = new MeterCache(registry, bot);
    registry.gauge("ttscenes.lanes.depth", Tags.of("bot", bot), depth);
  }

  @Override
  public void updateHandled(String updateType, UpdateOutcome outcome, Duration duration) {
    count("ttscenes.updates", "updates handled, by type and outcome",
        "type", known(updateType), "outcome", OUTCOMES[outcome.ordinal()]);
    meters.timer("ttscenes.handler.latency", "time from lane start to ack", "type", known(updateType))
        .record(duration);
  }

  @Override
  public void turnCommitted(TurnReport report) {
    meters.timer("ttscenes.scene.latency",
        "time from lane start to ack of committed updates, by where the handler ran",
        "scene", report.scene(), "step", report.step()).record(report.duration());
    report.events().forEach(this::flow);
  }

  private void flow(FlowEvent event) {
    if (event instanceof FlowEvent.SceneEntered e) {
      count("ttscenes.scene.entered", "scenes entered", "scene", e.scene(), "step", e.step());
    } else if (event instanceof FlowEvent.SceneCompleted e) {
      count("ttscenes.scene.completed", "scenes left from their last step", "scene", e.scene(), "step", e.step());
    } else if (event instanceof FlowEvent.SceneLeftEarly e) {
      count("ttscenes.scene.left_early", "scenes left before their last step", "scene", e.scene(), "step", e.step());
    } else if (event instanceof FlowEvent.SceneTimedOut e) {
      count("ttscenes.scene.timed_out", "scene timeouts fired", "scene", e.scene(), "step", e.step());
    } else if (event instanceof FlowEvent.Moved e) {
      count("ttscenes.scene.moves", "moves between places", "from", e.from(), "to", e.to());
    } else if (event instanceof FlowEvent.DeepLinkStarted e) {
      count("ttscenes.deeplink.starts", "deep-link starts by campaign and where they led",
          "campaign", e.campaign(), "scene", e.scene(), "step", e.step());
    } else if (event instanceof FlowEvent.SessionReset e) {
      count("ttscenes.session.resets", "stored sessions that could not be read or migrated and started over",
          "scene", e.scene(), "reason", e.reason());
    } else if (event instanceof FlowEvent.StepReached e) {
      count("ttscenes.funnel.reached", "users of a campaign who reached a scene and step",
          "campaign", e.campaign(), "scene", e.scene(), "step", e.step());
    } else if (event instanceof FlowEvent.MilestoneReached e) {
      count("ttscenes.milestones", "milestones marked by handlers", "milestone", e.milestone());
    }
  }

  @Override
  public void commitConflict(String updateType) {
    count("ttscenes.commit.conflicts", "commits that lost a race and were re-run", "type", known(updateType));
  }

  @Override
  public void speculation(boolean hit) {
    count("ttscenes.session.speculation", "first turns run on the guess that the session was new",
        "outcome", hit ? "hit" : "miss");
  }

  @Override
  public void storeRetry(String operation, int attempt, Duration delay) {
    count("ttscenes.store.retries", "store operations retried", "operation", operation);
  }

  @Override
  public void effectSent(String operation) {
    apiCall(operation, "sent");
  }

  @Override
  public void effectFailed(String operation, boolean retryable) {
    apiCall(operation, retryable ? "parked" : "rejected");
    if (retryable) {
      count("ttscenes.outbox.parked", "outbox entries parked after a retryable failure");
    }
  }

  @Override
  public void updateDeadLettered(String updateType) {
    count("ttscenes.updates.dead_lettered", "updates given up after failing too many times in a row",
        "type", known(updateType));
  }

  @Override
  public void handlerOverran(String updateType) {
    count("ttscenes.handlers.overran", "handler runs interrupted at the handler deadline",
        "type", known(updateType));
  }

  @Override
  public void replyDeadLettered() {
    count("ttscenes.outbox.dead_lettered", "parked replies given up after their attempt or age limit");
  }

  @Override
  public void dedupeWindowCapped() {
    count("ttscenes.dedupe.capped", "commits whose session had more recent update ids than the dedupe cap");
  }

  @Override
  public void outboxRecovered() {
    count("ttscenes.outbox.recovered", "outbox entries sent by recovery");
  }

  @Override
  public void laneDepth(int depth) {
    this.depth.set(depth);
  }

  /** {@code type} when the client knows it, else {@code other}: the sender picks unknown names. */
  private static String known(String type) {
    return KNOWN_TYPES.contains(type) ? type : "other";
  }

  private void apiCall(String method, String outcome) {
    count("ttscenes.api.calls", "Bot API calls of committed effects, by method and outcome",
        "method", method, "outcome", outcome);
  }

  private void count(String name, String description, String... tags) {
    meters.counter(name, description, tags).increment();
  }
}
