package io.ttscenes.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a bot's onSent/onSendFailed handlers are found, and which names they may have. */
final class ContinuationRoutesTest {
  record Draft(String text) {}

  private static final Handler<Object> NONE = ctx -> { };
  private static final SentHandler<Draft> IN_SCENE = (ctx, sent) -> { };
  private static final SentHandler<Draft> IN_STEP = (ctx, sent) -> { };
  private static final SentHandler<Object> GLOBAL = (ctx, sent) -> { };

  private final Bot bot = Bot.builder("posts")
      .scene(Scene.builder("compose", Draft.class)
          .onSent("posted", IN_SCENE)
          .step("title", s -> s.onSent("titled", IN_STEP).onText(ctx -> { }))
          .build())
      .global(g -> g.onSent("noted", GLOBAL).onSendFailed("noted", (ctx, failure) -> { }))
      .root(r -> r.onCommand("start", NONE))
      .build();

  @Test
  void theBotKnowsEveryContinuationNameOfItsScenesStepsAndSets() {
    assertTrue(bot.takesContinuation("posted"));
    assertTrue(bot.takesContinuation("titled"));
    assertTrue(bot.takesContinuation("noted"));
    assertFalse(bot.takesContinuation("never"));
  }

  @Test
  void aContinuationIsLookedUpFromTheStepToTheSceneThenTheGlobalSet() {
    Optional<String> scene = Optional.of("compose");
    assertTrue(bot.selectContinuation(true, "titled", scene, Optional.of("title")).isPresent());
    assertFalse(bot.selectContinuation(true, "titled", scene, Optional.empty()).isPresent());
    assertTrue(bot.selectContinuation(true, "posted", scene, Optional.of("title")).isPresent());
    assertFalse(bot.selectContinuation(true, "posted", Optional.empty(), Optional.empty()).isPresent(),
        "the root does not see a scene's continuation");
    assertTrue(bot.selectContinuation(true, "noted", Optional.empty(), Optional.empty()).isPresent());
    assertTrue(bot.selectContinuation(false, "noted", scene, Optional.empty()).isPresent());
    assertFalse(bot.selectContinuation(false, "posted", scene, Optional.empty()).isPresent(),
        "no onSendFailed was registered for it");
  }

  @Test
  void aContinuationNameMustBeShortAndNotTheRuntimesOwn() {
    Handlers set = new Handlers();
    IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class,
        () -> set.onSent("ttscenes.sent", (ctx, sent) -> { }));
    assertEquals("continuation name 'ttscenes.sent' is not allowed: it must be 1-64 characters, not blank,"
        + " and not start with 'ttscenes.'", reserved.getMessage());
    assertThrows(IllegalArgumentException.class, () -> set.onSendFailed(" ", (ctx, failure) -> { }));
    assertThrows(IllegalArgumentException.class, () -> set.onSent("x".repeat(65), (ctx, sent) -> { }));
  }

  @Test
  void aContinuationAndAScheduledJobOfOneNameDoNotMeet() {
    Bot both = Bot.builder("both")
        .root(r -> r.onScheduled("digest", NONE).onSent("digest", (ctx, sent) -> { }))
        .build();
    Optional<Handler<?>> job = both.selectScheduled("digest", Optional.empty(), Optional.empty());
    Optional<Handler<?>> sent = both.selectContinuation(true, "digest", Optional.empty(), Optional.empty());
    assertTrue(job.isPresent() && sent.isPresent());
    assertFalse(job.get() == sent.get());
  }
}
