package io.ttscenes.runtime.warmup;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.Scene;
import io.ttscenes.api.keyboard.Keyboard;
import java.util.Objects;

/**
 * The runtime's own bot for the default warm-up: a two-step wizard (a keyboard, a pressed button,
 * a text answer) with scene data and session data, and a command, so a rehearsal runs the
 * router, wizard steps, transitions, both session codecs, callback answers and keyboards with
 * handlers the runtime wrote. None of the user's code runs. Immutable.
 */
final class RehearsalBot {
  static final String SCENE = "warm-up";
  static final String PREFIX = "warm:";

  /** The wizard's data between its steps. */
  record Progress(String start, String choice) {
    Progress {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(choice, "choice");
    }
  }

  /** What the session keeps after the wizard. */
  record Answers(String choice, String text) {
    Answers {
      Objects.requireNonNull(choice, "choice");
      Objects.requireNonNull(text, "text");
    }
  }

  private RehearsalBot() {}

  /** The bot, named as the real one so its keys and logs look alike. */
  static Bot create(String name) {
    return Bot.builder(name)
        .sessionData(Answers.class, () -> new Answers("", ""))
        .scene(wizard())
        .root(root -> root
            .onBotStarted(ctx -> ctx.enter(SCENE, new Progress(ctx.startPayload(), "")))
            .onCommand("status", ctx -> ctx.reply("status: " + ctx.session(Answers.class).text())))
        .build();
  }

  private static Scene<Progress> wizard() {
    return Scene.builder(SCENE, Progress.class)
        .step("choose", step -> step
            .prompt(ctx -> ctx.reply("choose", Keyboard.inline()
                .withRow(Keyboard.callback("one", PREFIX + "one"), Keyboard.callback("two", PREFIX + "two"))))
            .onCallbackPrefix(PREFIX, RehearsalBot::chosen))
        .step("write", step -> step
            .prompt(ctx -> ctx.reply("write"))
            .onText(RehearsalBot::written))
        .build();
  }

  private static void chosen(Context<Progress> ctx, String choice) {
    ctx.answer("noted " + choice);
    ctx.setData(new Progress(ctx.data().start(), choice));
    ctx.next();
  }

  private static void written(Context<Progress> ctx) {
    ctx.setSession(new Answers(ctx.data().choice(), ctx.text()));
    ctx.reply("thanks");
    ctx.leave();
  }
}
