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

/** Scene data the store cannot hold never blocks an update: it is answered and acknowledged. */
final class UnstorableUpdateTest {

  record Booking(LocalDate day) {}

  /** Jackson calls the accessor to write it, and the accessor fails: data that cannot be stored. */
  record Broken(String note) {
    @Override
    public String note() {
      if (note != null) {
        throw new IllegalStateException("cannot read note " + note);
      }
      return null;
    }
  }

  @Test
  void javaTimeValuesInSceneDataAreStoredAndReadBack() throws Exception {
    Bot bot = Bot.builder("booking")
        .scene(Scene.builder("book", Booking.class)
            .initialData(() -> new Booking(null))
            .onCommand("when", ctx -> ctx.reply("booked for " + ctx.data().day()))
            .onText(ctx -> ctx.setData(new Booking(LocalDate.of(2026, 11, 27))).reply("booked"))
            .build())
        .root(r -> r.onCommand("book", ctx -> ctx.enter("book")))
        .build();
    try (Harness h = new Harness(bot)) {
      h.handle(text(1, 10, "/book"));
      assertEquals("acknowledged", outcome(h, "tomorrow"));
      h.handle(text(1, 10, "/when"));
      assertEquals(List.of("booked", "booked for 2026-11-27"), h.texts());
    }
  }

  @Test
  void sceneDataThatCannotBeWrittenGetsTheApologyAndIsAcknowledgedWithTheDataUnchanged() throws Exception {
    Bot bot = brokenBot(Bot.builder("notes")).build();
    try (Harness h = new Harness(bot)) {
      h.handle(text(1, 10, "/note"));
      assertEquals("acknowledged", outcome(h, "remember this"));
      h.handle(text(1, 10, "/show"));
      assertEquals(List.of("Sorry, something went wrong. Please try again.", "note: null"), h.texts());
      assertEquals(UpdateOutcome.HANDLER_FAILED, h.listener.outcomes.get(1));
    }
  }

  @Test
  void sceneDataThatCannotBeWrittenGoesToTheBotsExceptionHandler() throws Exception {
    Bot bot = brokenBot(Bot.builder("notes"))
        .onException(IllegalStateException.class, (ctx, e) -> ctx.reply("could not save that"))
        .build();
    try (Harness h = new Harness(bot)) {
      h.handle(text(1, 10, "/note"));
      assertEquals("acknowledged", outcome(h, "remember this"));
      assertEquals(List.of("could not save that"), h.texts());
    }
  }

  private static Bot.Builder brokenBot(Bot.Builder builder) {
    return builder
        .scene(Scene.builder("note", Broken.class)
            .initialData(() -> new Broken(null))
            .onCommand("show", ctx -> ctx.reply("note: " + ctx.data().note()))
            .onText(ctx -> ctx.setData(new Broken(ctx.text())).reply("saved"))
            .build())
        .root(r -> r.onCommand("note", ctx -> ctx.enter("note")));
  }

  private static String outcome(Harness h, String text) throws Exception {
    try {
      h.dispatcher.submit(text(1, 10, text)).get(10, TimeUnit.SECONDS);
      return "acknowledged";
    } catch (ExecutionException e) {
      return "not acknowledged: " + e.getCause();
    }
  }
}
