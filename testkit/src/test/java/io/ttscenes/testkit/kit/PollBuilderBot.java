package io.ttscenes.testkit.kit;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.Scene;
import io.ttscenes.api.SessionKeys;
import io.ttscenes.api.model.Button;
import io.ttscenes.api.model.CallbackButton;
import io.ttscenes.api.model.ConstructedMessageBody;
import io.ttscenes.api.model.ConstructorAnswer;
import io.ttscenes.api.model.KeyboardPayload;
import io.ttscenes.api.model.MessageConstructionRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * A constructor-mode bot the kit's tests talk to: it builds a poll step by step in a scene, one
 * session per constructor session. The user types the question, presses "Add option" to type
 * each option, then "Done"; the bot prepares the poll and a voting note to post.
 */
final class PollBuilderBot {
  /** The poll being built; the scene data. */
  record Draft(String question, List<String> options) {
    static final Draft EMPTY = new Draft(null, List.of());

    Draft {
      options = List.copyOf(options);
    }

    Draft withOption(String option) {
      List<String> more = new ArrayList<>(options);
      more.add(option);
      return new Draft(question, more);
    }
  }

  /**
   * Session-wide data of one constructor session: how many answers the bot gave, the {@code data}
   * the last request brought back (null when it had none) and how many messages were posted.
   */
  record Activity(int answers, String lastData, int posted) {}

  static final String POLL = "poll";

  private PollBuilderBot() {}

  static Bot create() {
    return Bot.builder("poll-builder")
        .sessionKey(SessionKeys.CONSTRUCTOR_SESSION)
        .sessionData(Activity.class, () -> new Activity(0, null, 0))
        .scene(poll())
        .root(r -> r
            .onConstructionRequest(PollBuilderBot::start)
            .onConstructed(PollBuilderBot::posted))
        .build();
  }

  private static Scene<Draft> poll() {
    return Scene.builder(POLL, Draft.class)
        .onCallback("add", ctx -> answer(ctx, "adding:" + ctx.data().options().size(), new ConstructorAnswer(
            List.of(), true, "Type option " + (ctx.data().options().size() + 1), null,
            keyboard(CallbackButton.of("Done", "done")), "Option " + (ctx.data().options().size() + 1))))
        .onCallback("done", PollBuilderBot::done)
        .onCallback("restart", ctx -> ask(ctx.setData(Draft.EMPTY)))
        .onConstructionRequest(PollBuilderBot::typed)
        .onConstructed(ctx -> posted(ctx).leave())
        .build();
  }

  private static void start(Context<Object> ctx) {
    Draft draft = ctx.text().isEmpty() ? Draft.EMPTY : new Draft(ctx.text(), List.of());
    ctx.enter(POLL, draft);
    if (draft.question() == null) {
      ask(ctx);
    } else {
      options(ctx, draft);
    }
  }

  private static void typed(Context<Draft> ctx) {
    Draft draft = ctx.data();
    if (!ctx.text().isEmpty()) {
      draft = draft.question() == null ? new Draft(ctx.text(), List.of()) : draft.withOption(ctx.text());
      ctx.setData(draft);
    }
    options(ctx, draft);
  }

  private static void ask(Context<?> ctx) {
    answer(ctx, "question", new ConstructorAnswer(List.of(), true, "Type the question of your poll",
        null, null, "Question"));
  }

  private static void options(Context<?> ctx, Draft draft) {
    String hint = draft.options().isEmpty() ? "Add options, then press Done"
        : "Options: " + String.join(", ", draft.options());
    answer(ctx, "options:" + draft.options().size(), new ConstructorAnswer(List.of(), false, hint, null,
        keyboard(CallbackButton.of("Add option", "add"), CallbackButton.of("Done", "done")), null));
  }

  private static void done(Context<Draft> ctx) {
    Draft draft = ctx.data();
    if (draft.options().size() < 2) {
      answer(ctx, "options:" + draft.options().size(), new ConstructorAnswer(List.of(), false,
          "A poll needs at least two options", null, keyboard(CallbackButton.of("Add option", "add")), null));
      return;
    }
    StringBuilder poll = new StringBuilder("Poll: " + draft.question());
    for (int i = 0; i < draft.options().size(); i++) {
      poll.append('\n').append(i + 1).append(". ").append(draft.options().get(i));
    }
    List<ConstructedMessageBody> messages = List.of(message(poll.toString()),
        message("Reply with the number of your choice"));
    answer(ctx, "ready", new ConstructorAnswer(messages, false, "Tap Send to post your poll", null,
        keyboard(CallbackButton.of("Start over", "restart")), null));
  }

  /** Answers through one place, so every answer counts and records the data it came with. */
  private static void answer(Context<?> ctx, String data, ConstructorAnswer answer) {
    Activity activity = ctx.session(Activity.class);
    String received = ((MessageConstructionRequest) ctx.update()).data();
    ctx.setSession(new Activity(activity.answers() + 1, received, activity.posted()));
    ctx.construct(new ConstructorAnswer(answer.messages(), answer.allowUserInput(), answer.hint(),
        data, answer.keyboard(), answer.placeholder()));
  }

  private static <D> Context<D> posted(Context<D> ctx) {
    Activity activity = ctx.session(Activity.class);
    return ctx.setSession(new Activity(activity.answers(), activity.lastData(), activity.posted() + 1));
  }

  private static KeyboardPayload keyboard(Button... row) {
    return new KeyboardPayload(List.of(List.of(row)));
  }

  private static ConstructedMessageBody message(String text) {
    return new ConstructedMessageBody(text, List.of(), List.of(), null);
  }
}
