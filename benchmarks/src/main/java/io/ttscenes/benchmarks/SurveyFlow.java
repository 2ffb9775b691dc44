package io.ttscenes.benchmarks;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.Scene;
import io.ttscenes.api.keyboard.Keyboard;
import java.util.Objects;

/**
 * The survey of WORKLOAD.md as an ordinary scene-based bot: {@code bot_started} enters the
 * {@code survey} wizard (Q1 with two buttons, then Q2 as text), the answers are kept in the
 * session-wide data so {@code /status} can report them after the scene was left. Everything it
 * remembers lives in the session store.
 */
public final class SurveyFlow {
  /** The id of the survey scene. */
  public static final String SCENE = "survey";

  private SurveyFlow() {}

  /**
   * What the survey scene remembers between its steps.
   *
   * @param promo the deep-link payload the user started the bot with, possibly empty
   * @param q1 the choice pressed under Q1, empty until then
   */
  public record Progress(String promo, String q1) {
    public Progress {
      Objects.requireNonNull(promo, "promo");
      Objects.requireNonNull(q1, "q1");
    }
  }

  /**
   * What the bot stored for a user once the survey was answered; kept with the session, outside
   * any scene, so it outlives the survey.
   *
   * @param promo the start payload
   * @param q1 the answer to Q1
   * @param answer the free-text answer to Q2
   */
  public record Answers(String promo, String q1, String answer) {
    public Answers {
      Objects.requireNonNull(promo, "promo");
      Objects.requireNonNull(q1, "q1");
      Objects.requireNonNull(answer, "answer");
    }

    static Answers none() {
      return new Answers("", "", "");
    }

    boolean isEmpty() {
      return q1.isEmpty() && answer.isEmpty();
    }

    String describe() {
      return "Q1: " + q1 + "; Q2: " + answer + "; promo: " + promo;
    }
  }

  /** Builds the survey bot named {@code name}; the result is immutable and thread-safe. */
  public static Bot bot(String name) {
    return Bot.builder(name)
        .sessionData(Answers.class, Answers::none)
        .scene(survey())
        .root(root -> root
            .onBotStarted(ctx -> ctx.enter(SCENE, new Progress(ctx.startPayload(), "")))
            .onCommand("status", SurveyFlow::status))
        .build();
  }

  private static Scene<Progress> survey() {
    return Scene.builder(SCENE, Progress.class)
        .step("q1", step -> step
            .prompt(ctx -> ctx.reply("Q1", Keyboard.inline()
                .withRow(Keyboard.callback("Yes", "q1:yes"), Keyboard.callback("No", "q1:no"))))
            .onCallbackPrefix("q1:", SurveyFlow::firstAnswer))
        .step("q2", step -> step
            .prompt(ctx -> ctx.reply("Q2"))
            .onText(SurveyFlow::secondAnswer))
        .build();
  }

  private static void firstAnswer(Context<Progress> ctx, String choice) {
    ctx.answer("Noted: " + choice);
    ctx.setData(new Progress(ctx.data().promo(), choice));
    ctx.next();
  }

  private static void secondAnswer(Context<Progress> ctx) {
    Progress progress = ctx.data();
    Answers answers = new Answers(progress.promo(), progress.q1(), ctx.text());
    ctx.setSession(answers);
    ctx.reply("Thanks! " + answers.describe());
    ctx.leave();
  }

  private static void status(Context<Object> ctx) {
    Answers answers = ctx.session(Answers.class);
    ctx.reply(answers.isEmpty() ? "No survey answered yet." : "Stored: " + answers.describe());
  }
}
