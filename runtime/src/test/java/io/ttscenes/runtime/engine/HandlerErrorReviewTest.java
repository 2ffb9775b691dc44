package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Review: {@code Bot.Builder.onException} takes any {@code Throwable} type and
 * docs/architecture.md promises "a handler exception ... still commits and acknowledges the
 * update", but {@code Turn} catches only {@code Exception}. A handler that throws an
 * {@code Error} (a StackOverflowError from a recursive bug, an AssertionError from a library)
 * skips the registered exception handler and the apology; the update is not acknowledged, is
 * retried by long polling and finally dead-lettered, and the user never hears back.
 */
final class HandlerErrorReviewTest {

  private static Bot.Builder overflowing() {
    return Bot.builder("overflow").root(r -> r
        .onCommand("deep", ctx -> {
          throw new StackOverflowError();
        }));
  }

  @Test
  void anErrorRegisteredWithOnExceptionRunsItsHandlerAndTheUpdateIsAcked() throws Exception {
    Bot bot = overflowing()
        .onException(StackOverflowError.class, (ctx, e) -> ctx.reply("that was too deep"))
        .build();
    try (Harness h = new Harness(bot)) {
      awaitAcked(h.dispatcher.submit(text(1, 10, "/deep")));

      assertEquals(List.of("that was too deep"), h.texts());
      assertEquals(List.of(UpdateOutcome.HANDLER_FAILED), h.listener.outcomes);
    }
  }

  @Test
  void anErrorWithoutAHandlerGetsTheApologyAndTheUpdateIsAcked() throws Exception {
    Bot bot = overflowing().apology("Sorry!").build();
    try (Harness h = new Harness(bot)) {
      awaitAcked(h.dispatcher.submit(text(1, 10, "/deep")));

      assertEquals(List.of("Sorry!"), h.texts());
    }
  }

  private static void awaitAcked(CompletableFuture<Void> done) throws Exception {
    try {
      done.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("the update was not acknowledged: " + e.getCause(), e.getCause());
    }
  }
}
