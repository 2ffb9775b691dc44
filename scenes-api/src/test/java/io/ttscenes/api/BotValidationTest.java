package io.ttscenes.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class BotValidationTest {

  record Data(String value) {}

  @Test
  void startUpValidationReportsEveryProblemAtOnce() {
    Bot.Builder builder = Bot.builder("broken")
        .scene(Scene.builder("menu").transitionsTo("survey", "checkout").build())
        .scene(Scene.builder("menu").build())
        .scene(Scene.builder("survey", Data.class)
            .timeout(Duration.ZERO, ctx -> ctx.leave())
            .step("q1", step -> step.prompt(ctx -> ctx.reply("Q1")))
            .step("q2", step -> step.onText(ctx -> ctx.next()))
            .step("q2", step -> step.onText(ctx -> ctx.next()))
            .build())
        .sessionTtl(Duration.ofSeconds(-1))
        .historyLimit(-2);
    BotConfigurationException error = assertThrows(BotConfigurationException.class, builder::build);
    assertEquals(List.of(
        "scene id 'menu' is used by more than one scene",
        "scene 'survey': timeout is PT0S; it must be positive",
        "scene 'survey': wizard step 'q1' has no handlers",
        "scene 'survey': wizard step 'q2' is declared twice",
        "scene 'menu' declares a transition to unknown scene 'checkout'",
        "session TTL is PT-1S; it must be positive",
        "history limit is -2; it must be >= 0"), error.problems());
    assertEquals("bot 'broken' has 7 problems:\n"
        + "  1) scene id 'menu' is used by more than one scene\n"
        + "  2) scene 'survey': timeout is PT0S; it must be positive\n"
        + "  3) scene 'survey': wizard step 'q1' has no handlers\n"
        + "  4) scene 'survey': wizard step 'q2' is declared twice\n"
        + "  5) scene 'menu' declares a transition to unknown scene 'checkout'\n"
        + "  6) session TTL is PT-1S; it must be positive\n"
        + "  7) history limit is -2; it must be >= 0", error.getMessage());
  }

  @Test
  void chatDataWithOneSessionPerUserAcrossChatsIsRefusedAtBuild() {
    BotConfigurationException error = assertThrows(BotConfigurationException.class,
        () -> Bot.builder("quiz").sessionKey(SessionKeys.USER).chatData(Data.class, () -> new Data("")).build());
    assertTrue(error.getMessage().contains("chat data needs sessions per user in chat or per chat"),
        error.getMessage());
    Bot.builder("quiz").sessionKey(SessionKeys.CHAT).chatData(Data.class, () -> new Data("")).build();
  }

  @Test
  void aWellFormedBotBuilds() {
    Bot bot = Bot.builder("fine")
        .scene(Scene.builder("menu").transitionsTo("survey").build())
        .scene(Scene.builder("survey", Data.class).step("q1", s -> s.onText(ctx -> ctx.next())).build())
        .build();
    assertEquals(List.of("q1"), bot.scene("survey").orElseThrow().steps().stream().map(WizardStep::name).toList());
  }

  @Test
  void handlersCannotBeAddedToABuiltBot() {
    Handlers[] kept = new Handlers[1];
    Bot.builder("fixed").global(g -> kept[0] = g.onCommand("help", ctx -> {})).build();
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> kept[0].onCommand("late", ctx -> {}));
    assertEquals("handlers cannot be added after their scene or bot was built", error.getMessage());
  }

  @Test
  void commandNamesAreCheckedWhenDeclared() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Scene.builder("s").onCommand("start now", ctx -> {}));
    assertEquals("command name 'start now' must be one word without spaces or '@' (the bot name is matched separately)",
        error.getMessage());
  }
}
