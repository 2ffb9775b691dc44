package io.ttscenes.testkit.kit;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.Scene;
import io.ttscenes.api.Updates;
import io.ttscenes.api.client.Markdown;
import io.ttscenes.api.keyboard.Keyboard;
import io.ttscenes.api.model.LocationAttachment;
import java.time.Duration;

/** A small survey bot the kit's own tests talk to: a wizard with buttons, text, contact and a timeout. */
final class SurveyBot {
  /** What the survey collected; also the scene data. */
  record Answers(String campaign, String likes, String colour, boolean contact) {
    Answers withLikes(String value) {
      return new Answers(campaign, value, colour, contact);
    }

    Answers withColour(String value) {
      return new Answers(campaign, likes, value, contact);
    }

    Answers withContact() {
      return new Answers(campaign, likes, colour, true);
    }
  }

  /** Session-wide data: how many surveys this user finished. */
  record Stats(int finished) {}

  static final Duration TIMEOUT = Duration.ofMinutes(10);

  private SurveyBot() {}

  static Bot create() {
    return Bot.builder("survey-bot")
        .scene(survey())
        .sessionData(Stats.class, () -> new Stats(0))
        .global(g -> g.onCommand("cancel", ctx -> ctx.reply("Cancelled.").leave()))
        .root(r -> r
            .onBotStarted(ctx -> ctx.enter("survey", new Answers(ctx.startPayload(), null, null, false)))
            .onCommand("survey", ctx -> ctx.enter("survey", new Answers("", null, null, false)))
            .onLocation(ctx -> ctx.reply("You are at " + Updates.attachments(ctx.update()).stream()
                .filter(LocationAttachment.class::isInstance).map(LocationAttachment.class::cast)
                .map(l -> l.latitude() + "," + l.longitude()).findFirst().orElse("?")))
            .onText(ctx -> ctx.reply("Send /survey to start.")))
        .build();
  }

  private static Scene<Answers> survey() {
    return Scene.builder("survey", Answers.class)
        .step("likes", s -> s
            .prompt(ctx -> ctx.reply("Do you like tea?", Keyboard.inline()
                .withRow(Keyboard.callback("Yes", "likes:yes"), Keyboard.callback("No", "likes:no"))))
            .onCallbackPrefix("likes:", (ctx, likes) -> ctx.answer("Noted")
                .setData(ctx.data().withLikes(likes)).next()))
        .step("colour", s -> s
            .prompt(ctx -> ctx.reply("Your favourite colour?"))
            .onText(ctx -> ctx.setData(ctx.data().withColour(ctx.text())).next()))
        .step("contact", s -> s
            .prompt(ctx -> ctx.reply("May we call you?", Keyboard.inline()
                .withRow(Keyboard.requestContact("Share my number"))
                .withRow(Keyboard.callback("Skip", "skip"))))
            .onContact(ctx -> finish(ctx.setData(ctx.data().withContact())))
            .onCallback("skip", ctx -> finish(ctx)))
        .timeout(TIMEOUT, ctx -> ctx.reply("The survey timed out.").leave())
        .build();
  }

  private static void finish(Context<Answers> ctx) {
    Answers a = ctx.data();
    ctx.setSession(new Stats(ctx.session(Stats.class).finished() + 1));
    ctx.reply(OutgoingMessage.text("Thanks! Tea: **" + a.likes() + "**, colour: **"
        + Markdown.escape(a.colour()) + "**" + (a.contact() ? ", we will call." : ".")).markdown());
    ctx.leave();
  }
}
