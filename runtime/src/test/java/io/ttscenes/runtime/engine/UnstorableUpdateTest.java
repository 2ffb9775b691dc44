package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class UnstorableUpdateTest {

  record Booking(LocalDate day) {}

  @Test
  void handlerWhoseSceneDataCannotBeStoredIsAnsweredAndAcknowledgedNotRetriedForever() throws Exception {
    Bot bot = Bot.builder("booking")
        .scene(Scene.builder("book", Booking.class)
            .initialData(() -> new Booking(null))
            .onText(ctx -> ctx.setData(new Booking(LocalDate.of(2026, 11, 27))).reply("booked"))
            .build())
        .root(r -> r.onCommand("book", ctx -> ctx.enter("book")))
        .build();
    try (Harness h = new Harness(bot)) {
      h.handle(text(1, 10, "/book"));
      String outcome;
      try {
        h.dispatcher.submit(text(1, 10, "tomorrow")).get(10, TimeUnit.SECONDS);
        outcome = "acknowledged";
      } catch (ExecutionException e) {
        outcome = "not acknowledged: " + e.getCause();
      }
      // docs/architecture.md: "Exceptions go to the most specific exception handler (default: log
      // and reply a configurable apology); the update is still committed and acknowledged, never
      // retried forever."
      assertEquals("acknowledged", outcome);
      assertEquals(2, h.texts().size(), "the user gets an answer (the apology): " + h.texts());
    }
  }
}
