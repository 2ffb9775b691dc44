package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.botStarted;
import static io.ttscenes.runtime.engine.TestUpdates.callbackWithId;
import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.api.SessionKeys;
import io.ttscenes.api.keyboard.Keyboard;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The survey bot of the design notes, written only against the public API, end to end. */
final class SurveyBotTest {

  record SurveyData(String payload, String q1) {}

  record Profile(int surveys) {
    static Profile empty() {
      return new Profile(0);
    }
  }

  private static Bot surveyBot() {
    Scene<SurveyData> survey = Scene.builder("survey", SurveyData.class)
        .onEnter(ctx -> ctx.reply("Q1", Keyboard.inline().withRow(Keyboard.callback("Yes", "q1:yes"),
            Keyboard.callback("No", "q1:no"))))
        .onCallbackPrefix("q1:", (ctx, answer) -> {
          ctx.answer("Noted");
          ctx.setData(new SurveyData(ctx.data().payload(), answer));
          ctx.reply("Q2");
        })
        .onText(ctx -> {
          Profile profile = ctx.session(Profile.class);
          ctx.setSession(new Profile(profile.surveys() + 1));
          ctx.reply("Thanks! (" + ctx.data().payload() + ", " + ctx.data().q1() + ", " + ctx.text() + ")");
          ctx.leave();
        })
        .timeout(Duration.ofMinutes(10), ctx -> ctx.reply("Too slow").leave())
        .build();
    return Bot.builder("survey-bot")
        .scene(survey)
        .sessionData(Profile.class, Profile::empty)
        .global(g -> g.onCommand("cancel", ctx -> ctx.reply("Cancelled").leave()))
        .root(r -> r
            .onBotStarted(ctx -> ctx.enter("survey", new SurveyData(ctx.startPayload(), null)))
            .onCommand("stats", ctx -> ctx.reply("surveys: " + ctx.session(Profile.class).surveys())))
        .middleware((ctx, chain) -> chain.proceed(ctx))
        .onException(IllegalStateException.class, (ctx, e) -> ctx.reply("..."))
        .sessionKey(SessionKeys.USER_IN_CHAT)
        .build();
  }

  @Test
  void aUserTakesTheSurveyFromADeepLinkToTheEnd() {
    try (Harness h = new Harness(surveyBot())) {
      h.handle(botStarted(7, 70, "promo42"));
      h.handle(callbackWithId(7, 70, "cb-1", "q1:yes"));
      h.handle(text(7, 70, "blue"));
      h.handle(text(7, 70, "/stats"));
      assertEquals(List.of("Q1", "Q2", "Thanks! (promo42, yes, blue)", "surveys: 1"), h.texts());
      assertEquals("answerOnCallback cb-1 Noted", h.api.calls().get(1).toString());
    }
  }

  @Test
  void cancelWorksInsideTheSurvey() {
    try (Harness h = new Harness(surveyBot())) {
      h.handle(botStarted(7, 70, ""));
      h.handle(text(7, 70, "/cancel"));
      h.handle(text(7, 70, "/stats"));
      assertEquals(List.of("Q1", "Cancelled", "surveys: 0"), h.texts());
    }
  }
}
