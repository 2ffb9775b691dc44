package io.ttscenes.example.votesurvey;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Prompt;
import io.ttscenes.api.Scene;
import java.util.List;

public final class Survey {
  record Answers(boolean tea, String colour) {}

  public static Bot bot() {
    return Bot.builder("survey")
        .scene(Scene.builder("survey", Answers.class)
            .step("tea", s -> s.ask(Prompt.yesNo("Do you like tea?", "Yes", "No"),
                (ctx, tea) -> ctx.setData(new Answers(tea, null)).next()))
            .step("colour", s -> s.ask(Prompt.choice("Your colour?", List.of("Red", "Blue")).withBack("Back"),
                (ctx, colour) -> ctx.setData(new Answers(ctx.data().tea(), colour)).next()))
            .step("email", s -> s.ask(Prompt.email("Your e-mail?").withBack("Back"),
                (ctx, email) -> ctx.reply("Thanks! Tea: " + (ctx.data().tea() ? "yes" : "no")
                    + ", colour: " + ctx.data().colour() + ", e-mail: " + email).leave()))
            .build())
        .global(g -> g.onCommand("cancel", ctx -> ctx.reply("Cancelled.").leave()))
        .root(r -> r.onCommand("survey", ctx -> ctx.enter("survey", new Answers(false, null)))
            .fallback(ctx -> ctx.reply("Send /survey to start.")))
        .build();
  }
}
