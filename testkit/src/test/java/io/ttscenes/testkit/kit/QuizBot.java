package io.ttscenes.testkit.kit;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.PayloadType;
import io.ttscenes.api.Scene;
import io.ttscenes.api.WizardStep;
import io.ttscenes.api.keyboard.Keyboard;
import java.util.ArrayList;
import java.util.List;

/** A three-question quiz with typed buttons and a Back button on every step: the kit's typed-callback bot. */
final class QuizBot {
  /** A picked answer: which question, which option. */
  @PayloadType(tag = "pick", version = 2)
  record Pick(int question, String option) {}

  /** The Back button. */
  @PayloadType(tag = "back")
  record Back() {}

  /** A button whose data is far over the 1024-character payload limit. */
  record Essay(String text) {}

  /** The picks so far. */
  record Picks(List<String> options) {
    Picks with(String option) {
      List<String> more = new ArrayList<>(options);
      more.add(option);
      return new Picks(more);
    }
  }

  private QuizBot() {}

  static Bot create() {
    return Bot.builder("quiz-bot")
        .scene(quiz())
        .root(r -> r
            .onCommand("quiz", ctx -> ctx.enter("quiz", new Picks(List.of())))
            .onCommand("essay", ctx -> ctx.reply("Long data", Keyboard.of(
                ctx.button("Read", new Essay("x".repeat(3000))))))
            .onCallback(Essay.class, (ctx, essay) -> ctx.answer("Essay of " + essay.text().length())))
        .build();
  }

  private static Scene<Picks> quiz() {
    return Scene.builder("quiz", Picks.class)
        .step("q1", s -> question(s, 1))
        .step("q2", s -> question(s, 2))
        .step("q3", s -> question(s, 3))
        .onLeave(ctx -> ctx.reply("Your picks: " + String.join(", ", ctx.data().options())))
        .build();
  }

  private static WizardStep<Picks> question(WizardStep<Picks> step, int n) {
    return step
        .prompt(ctx -> ask(ctx, n))
        .onCallback(Pick.class, (ctx, pick) -> ctx.answer("Picked " + pick.option())
            .setData(ctx.data().with(pick.option())).next())
        .onCallback(Back.class, (ctx, back) -> ctx.back())
        .onAnyCallback(ctx -> ctx.answer("current step saw " + ctx.payload()));
  }

  private static void ask(Context<Picks> ctx, int n) {
    ctx.reply("Question " + n, Keyboard
        .of(ctx.button("A", new Pick(n, n + "a")), ctx.button("B", new Pick(n, n + "b")))
        .withRow(ctx.button("Back", new Back())));
  }
}
