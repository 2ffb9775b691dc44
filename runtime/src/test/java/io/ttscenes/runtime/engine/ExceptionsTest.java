package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ExceptionsTest {

  private static Bot.Builder failing() {
    return Bot.builder("failing").root(r -> r
        .onCommand("state", ctx -> {
          ctx.reply("recorded before the failure");
          throw new IllegalStateException("bad state");
        })
        .onCommand("number", ctx -> Integer.parseInt("x"))
        .onCommand("other", ctx -> {
          throw new UnsupportedOperationException("nope");
        })
        .onCommand("deep", ctx -> {
          throw new StackOverflowError();
        })
        .onText(ctx -> ctx.reply("still alive")));
  }

  @Test
  void throwingHandlerGoesToTheExceptionHandlerAndItsEffectsAreDiscarded() {
    Bot bot = failing()
        .onException(IllegalStateException.class, (ctx, e) -> ctx.reply("oops: " + e.getMessage()))
        .build();
    try (Harness h = new Harness(bot)) {
      h.handle(text(1, 10, "/state"));
      h.handle(text(1, 10, "hi"));
      assertEquals(List.of("oops: bad state", "still alive"), h.texts());
      assertEquals(List.of(UpdateOutcome.HANDLER_FAILED, UpdateOutcome.HANDLED), h.listener.outcomes);
    }
  }

  @Test
  void mostSpecificExceptionHandlerWins() {
    Bot bot = failing()
        .onException(RuntimeException.class, (ctx, e) -> ctx.reply("runtime"))
        .onException(IllegalArgumentException.class, (ctx, e) -> ctx.reply("argument"))
        .build();
    try (Harness h = new Harness(bot)) {
      h.handle(text(1, 10, "/number"));
      h.handle(text(1, 10, "/other"));
      assertEquals(List.of("argument", "runtime"), h.texts());
    }
  }

  @Test
  void withoutAnExceptionHandlerTheUserGetsTheApologyAndTheUpdateIsAcked() {
    Bot bot = failing().apology("Something broke, sorry!").build();
    try (Harness h = new Harness(bot)) {
      h.handle(text(1, 10, "/state"));
      assertEquals(List.of("Something broke, sorry!"), h.texts());
    }
  }

  @Test
  void failingExceptionHandlerFallsBackToTheApology() {
    Bot bot = failing()
        .onException(IllegalStateException.class, (ctx, e) -> {
          throw new IllegalArgumentException("handler bug");
        })
        .build();
    try (Harness h = new Harness(bot)) {
      h.handle(text(1, 10, "/state"));
      assertEquals(List.of("Sorry, something went wrong. Please try again."), h.texts());
    }
  }

  // onException takes any Throwable type, and a handler that throws an Error (a StackOverflowError
  // from a recursive bug, an AssertionError from a library) still commits and acknowledges the
  // update: were only Exception caught, the update would be retried and finally dead-lettered.
  @Test
  void anErrorRegisteredWithOnExceptionRunsItsHandlerAndTheUpdateIsAcked() {
    Bot bot = failing()
        .onException(StackOverflowError.class, (ctx, e) -> ctx.reply("that was too deep"))
        .build();
    try (Harness h = new Harness(bot)) {
      h.handle(text(1, 10, "/deep"));

      assertEquals(List.of("that was too deep"), h.texts());
      assertEquals(List.of(UpdateOutcome.HANDLER_FAILED), h.listener.outcomes);
    }
  }

  @Test
  void anErrorWithoutAHandlerGetsTheApologyAndTheUpdateIsAcked() {
    Bot bot = failing().apology("Sorry!").build();
    try (Harness h = new Harness(bot)) {
      h.handle(text(1, 10, "/deep"));

      assertEquals(List.of("Sorry!"), h.texts());
    }
  }

  @Test
  void middlewareWrapsHandlersOutermostFirst() {
    Bot bot = Bot.builder("mw")
        .middleware((ctx, chain) -> {
          ctx.reply("outer in");
          chain.proceed(ctx);
          ctx.reply("outer out");
        })
        .middleware((ctx, chain) -> {
          if (!ctx.text().equals("blocked")) {
            chain.proceed(ctx);
          }
        })
        .root(r -> r.onText(ctx -> ctx.reply("handler")))
        .build();
    try (Harness h = new Harness(bot)) {
      h.handle(text(1, 10, "go"));
      h.handle(text(1, 10, "blocked"));
      assertEquals(List.of("outer in", "handler", "outer out", "outer in", "outer out"), h.texts());
    }
  }

  @Test
  void middlewareThatProceedsTwiceIsReportedByName() {
    Bot bot = Bot.builder("mw")
        .middleware(new Twice())
        .onException(IllegalStateException.class, (ctx, e) -> ctx.reply(e.getMessage()))
        .root(r -> r.onText(ctx -> ctx.reply("handler")))
        .build();
    try (Harness h = new Harness(bot)) {
      h.handle(text(1, 10, "go"));
      assertEquals(List.of("middleware #1 (" + Twice.class.getName()
          + ") called proceed() twice; call it at most once"), h.texts());
    }
  }

  @Test
  void scenesEnteringEachOtherInALoopAreStopped() {
    Bot bot = Bot.builder("loop")
        .scene(Scene.builder("ping").onEnter(ctx -> ctx.enter("pong")).build())
        .scene(Scene.builder("pong").onEnter(ctx -> ctx.enter("ping")).build())
        .onException(IllegalStateException.class, (ctx, e) -> ctx.reply(e.getMessage()))
        .root(r -> r.onText(ctx -> ctx.enter("ping")))
        .build();
    try (Harness h = new Harness(bot)) {
      h.handle(text(1, 10, "go"));
      assertEquals(List.of("more than 16 transitions for one update (the last was enter(ping)); "
          + "scenes probably enter each other in a loop"), h.texts());
    }
  }

  @Test
  void misusedContextFailsWithAClearMessage() {
    Bot bot = Bot.builder("misuse")
        .scene(Scene.builder("s").build())
        .onException(RuntimeException.class, (ctx, e) -> ctx.reply(e.getMessage()))
        .root(r -> r
            .onCommand("two", ctx -> ctx.enter("s").leave())
            .onCommand("unknown", ctx -> ctx.enter("nowhere"))
            .onCommand("data", ctx -> ctx.data())
            .onCommand("answer", ctx -> ctx.answer("hi")))
        .build();
    try (Harness h = new Harness(bot)) {
      h.handle(text(1, 10, "/two"));
      h.handle(text(1, 10, "/unknown"));
      h.handle(text(1, 10, "/data"));
      h.handle(text(1, 10, "/answer"));
      assertEquals(List.of(
          "a handler may request one transition; it requested leave() after enter(s)",
          "scene 'nowhere' is not part of bot 'misuse'",
          "data() needs a current scene; session u:1:c:10 is at the root",
          "answer() needs a message_callback update; this one is message_created"), h.texts());
    }
  }

  private static final class Twice implements io.ttscenes.api.Middleware {
    @Override
    public void handle(io.ttscenes.api.Context<?> ctx, Chain chain) {
      chain.proceed(ctx);
      chain.proceed(ctx);
    }
  }
}
