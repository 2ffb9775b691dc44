package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ttscenes.api.Bot;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class MicrometerRuntimeListenerTest {

  @Test
  void countsUpdatesByOutcomeApiCallsAndLatency() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Bot bot = Bot.builder("metrics").root(r -> r.onCommand("hi", ctx -> ctx.reply("hello"))).build();
    RecordingBotApi api = new RecordingBotApi();
    api.failRejected("sendMessage", 1);
    try (Dispatcher dispatcher = Dispatcher.builder(bot, InMemorySessionStore.create(), api)
        .listener(new MicrometerRuntimeListener(registry, "metrics")).parallelism(2).build()) {
      var first = text(1, 10, "/hi");
      dispatcher.submit(first).get();
      dispatcher.submit(first).get();
      dispatcher.submit(text(1, 10, "/hi")).get();
      dispatcher.submit(text(1, 10, "no handler")).get();
      dispatcher.deadLettered(text(1, 10, "never handled"));
    }
    assertEquals(2.0, registry.get("ttscenes.updates").tags("type", "message_created", "outcome", "handled").counter().count());
    assertEquals(1.0, registry.get("ttscenes.updates").tags("outcome", "duplicate").counter().count());
    assertEquals(1.0, registry.get("ttscenes.updates").tags("outcome", "unmatched").counter().count());
    assertEquals(1.0, registry.get("ttscenes.api.calls").tags("method", "sendMessage", "outcome", "sent").counter().count());
    assertEquals(1.0, registry.get("ttscenes.api.calls").tags("method", "sendMessage", "outcome", "rejected").counter().count());
    assertEquals(4, registry.get("ttscenes.handler.latency").tags("bot", "metrics").timer().count());
    assertEquals(0.0, registry.get("ttscenes.lanes.depth").gauge().value());
    assertEquals(1.0, registry.get("ttscenes.updates.dead_lettered").tags("bot", "metrics", "type", "message_created")
        .counter().count());
  }

  @Test
  void meterRemovedFromTheRegistryIsRegisteredAgainByTheNextEvent() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerRuntimeListener listener = new MicrometerRuntimeListener(registry, "removal");
    listener.effectSent("sendMessage");
    listener.effectSent("sendMessage");
    listener.updateHandled("message_created", UpdateOutcome.HANDLED, Duration.ofMillis(3));
    registry.remove(registry.get("ttscenes.api.calls").counter());
    registry.remove(registry.get("ttscenes.handler.latency").timer());

    listener.effectSent("sendMessage");
    listener.updateHandled("message_created", UpdateOutcome.HANDLED, Duration.ofMillis(3));

    assertEquals(1.0, registry.get("ttscenes.api.calls").tags("method", "sendMessage", "outcome", "sent")
        .counter().count());
    assertEquals(1, registry.get("ttscenes.handler.latency").timer().count());
    assertEquals(2.0, registry.get("ttscenes.updates").counter().count(), "a meter not removed keeps counting");
  }

  @Test
  void updateTypesTheClientDoesNotKnowShareOneSeriesSoTheSenderCannotMintSeries() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerRuntimeListener listener = new MicrometerRuntimeListener(registry, "types");
    for (int i = 0; i < 1_000; i++) {
      String type = "made_up_" + i;
      listener.updateHandled(type, UpdateOutcome.UNMATCHED, Duration.ofMillis(1));
      listener.commitConflict(type);
      listener.updateDeadLettered(type);
    }
    listener.updateHandled("message_created", UpdateOutcome.HANDLED, Duration.ofMillis(1));
    listener.updateHandled("scheduled_job", UpdateOutcome.HANDLED, Duration.ofMillis(1));

    assertEquals(1_000.0, registry.get("ttscenes.updates").tags("type", "other").counter().count());
    assertEquals(1_000.0, registry.get("ttscenes.commit.conflicts").tags("type", "other").counter().count());
    assertEquals(1_000.0, registry.get("ttscenes.updates.dead_lettered").tags("type", "other").counter().count());
    assertEquals(1.0, registry.get("ttscenes.updates").tags("type", "message_created").counter().count());
    assertEquals(1.0, registry.get("ttscenes.updates").tags("type", "scheduled_job").counter().count());
    assertEquals(3, registry.find("ttscenes.updates").counters().size());
    assertEquals(3, registry.find("ttscenes.handler.latency").timers().size());
  }
}
