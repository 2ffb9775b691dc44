package io.ttscenes.runtime.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one committed update did: its type, where the session was when its handler ran
 * ({@code scene}/{@code step}, see {@link FlowEvent#ROOT} and {@link FlowEvent#NO_STEP}), how
 * long the update took on its lane, and the {@link FlowEvent}s of the run whose commit won.
 */
public record TurnReport(String updateType, String scene, String step, Duration duration,
    List<FlowEvent> events) {
  public TurnReport {
    Objects.requireNonNull(updateType, "updateType");
    Objects.requireNonNull(scene, "scene");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(duration, "duration");
    events = List.copyOf(events);
  }
}
