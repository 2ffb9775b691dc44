package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Wizard steps with their own timeouts: one from entering the step, one from the last update. */
final class StepTimeoutTest {
  private static final Duration LEASE = Duration.ofMinutes(1);

  private final Harness h = new Harness(Bot.builder("form")
      .scene(Scene.builder("form")
          .step("name", s -> s.prompt(ctx -> ctx.reply("Your name?"))
              .timeout(Duration.ofMinutes(5), ctx -> ctx.reply("name timed out").leave())
              .onText(ctx -> ctx.next()))
          .step("city", s -> s.prompt(ctx -> ctx.reply("Your city?"))
              .idleTimeout(Duration.ofMinutes(10), ctx -> ctx.reply("city timed out").leave())
              .onCommand("wait", ctx -> ctx.reply("waiting"))
              .onText(ctx -> ctx.reply("done").leave()))
          .build())
      .root(r -> r.onCommand("form", ctx -> ctx.enter("form")))
      .build());

  @AfterEach
  void close() {
    h.close();
  }

  private int fireDue() throws Exception {
    int fired = 0;
    for (List<String> keys = claim(); !keys.isEmpty(); keys = claim()) {
      for (String key : keys) {
        h.dispatcher.submitTimer(key, h.clock.instant().plus(LEASE)).get(10, TimeUnit.SECONDS);
      }
      fired += keys.size();
    }
    return fired;
  }

  private List<String> claim() {
    Instant now = h.clock.instant();
    return h.store.claimDueTimers(now, LEASE, 100);
  }

  @Test
  void aStepTimeoutCountsFromEnteringTheStep() throws Exception {
    h.handle(text(1, 10, "/form"));
    h.clock.advance(Duration.ofMinutes(4));
    assertEquals(0, fireDue());
    h.clock.advance(Duration.ofMinutes(1));
    assertEquals(1, fireDue());
    assertEquals(List.of("Your name?", "name timed out"), h.texts());
  }

  @Test
  void movingOnRemovesTheStepsTimeoutAndAnIdleStepTimeoutCountsFromTheLastUpdate() throws Exception {
    h.handle(text(1, 10, "/form"));
    h.clock.advance(Duration.ofMinutes(1));
    h.handle(text(1, 10, "Ann"));
    h.clock.advance(Duration.ofMinutes(8));
    h.handle(text(1, 10, "/wait"));
    h.clock.advance(Duration.ofMinutes(9));
    assertEquals(0, fireDue(), "the name step's timeout went with the step; city's restarted at /wait");
    h.clock.advance(Duration.ofMinutes(1));
    assertEquals(1, fireDue());
    assertEquals(List.of("Your name?", "Your city?", "waiting", "city timed out"), h.texts());
  }
}
