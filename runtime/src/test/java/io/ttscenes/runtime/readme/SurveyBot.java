package io.ttscenes.runtime.readme;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.api.keyboard.Keyboard;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;

/** A survey started by a deep link: a question with buttons, a free-text answer, and /status. */
public final class SurveyBot {
  record Survey(String promo, String q1) {}

  record Profile(String promo, String q1, String answer) {}

  static Bot bot() {
    Scene<Survey> survey = Scene.builder("survey", Survey.class)
        .onEnter(ctx -> ctx.reply("Q1: do you like surveys?", Keyboard.inline()
            .withRow(Keyboard.callback("Yes", "q1:yes"), Keyboard.callback("No", "q1:no"))))
        .onCallbackPrefix("q1:", (ctx, answer) -> ctx.answer("Noted")
            .setData(new Survey(ctx.data().promo(), answer))
            .reply("Q2: anything else?"))
        .onText(ctx -> {
          Profile done = new Profile(ctx.data().promo(), ctx.data().q1(), ctx.text());
          ctx.setSession(done).reply("Thanks! " + summary(done)).leave();
        })
        .build();
    return Bot.builder("survey-bot")
        .scene(survey)
        .sessionData(Profile.class, () -> new Profile(null, null, null))
        .root(root -> root
            .onBotStarted(ctx -> ctx.enter("survey", new Survey(ctx.startPayload(), null)))
            .onCommand("status", ctx -> ctx.reply(summary(ctx.session(Profile.class)))))
        .build();
  }

  static String summary(Profile p) {
    return p.answer() == null ? "No answers yet."
        : "q1=" + p.q1() + ", answer=" + p.answer() + ", promo=" + p.promo();
  }

  public static void main(String[] args) throws InterruptedException {
    BotRuntime.create(bot(), RuntimeConfig.fromEnvironment()).runUntilShutdown();
  }
}
