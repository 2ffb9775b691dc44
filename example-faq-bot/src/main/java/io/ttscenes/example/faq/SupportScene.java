package io.ttscenes.example.faq;

import io.ttscenes.api.Context;
import io.ttscenes.api.Scene;
import io.ttscenes.example.faq.desk.Question;
import io.ttscenes.example.faq.desk.SupportDesk;
import java.time.Duration;

/**
 * The user's side of a support ticket: the next message (text, photos, files) is the question,
 * which opens a ticket with the operators; after that every message of the user goes to the same
 * ticket until an operator closes it. A question not written within {@link #IDLE} is dropped, and
 * the user is told so. Enter it with {@code ctx.enter(SupportScene.ID)}.
 */
final class SupportScene {
  static final String ID = "support";
  static final Duration IDLE = Duration.ofMinutes(15);

  /**
   * The scene's data.
   *
   * @param ticket the open ticket's id, or null while the question is not asked yet
   */
  record Draft(String ticket) {}

  private SupportScene() {}

  /**
   * Starts a ticket: enters the scene, or, while the user's ticket is open, reminds them that
   * their messages already go to it. The entry point of every "contact support" button.
   */
  static void start(Context<?> ctx) {
    if (ctx.sceneId().filter(ID::equals).isPresent() && ctx.data() instanceof Draft draft
        && draft.ticket() != null) {
      ctx.reply("Ticket " + draft.ticket() + " is still open: just write here and it is added.");
    } else {
      ctx.enter(ID);
    }
  }

  /** The scene; {@code staffed} false (no operators' chat) turns every question away. */
  static Scene<Draft> create(boolean staffed) {
    return Scene.builder(ID, Draft.class)
        .initialData(() -> new Draft(null))
        .step("question", step -> step
            .prompt(ctx -> prompt(ctx, staffed))
            .onMessage(SupportScene::question)
            .idleTimeout(IDLE, ctx -> ctx.reply("Your question was dropped after " + IDLE.toMinutes()
                + " minutes without an answer. Send /support to start again.").leave()))
        .step("open", step -> step
            .onMessage(SupportScene::followUp))
        .build();
  }

  private static void prompt(Context<Draft> ctx, boolean staffed) {
    if (staffed) {
      ctx.reply("Please describe your problem in one message; you can attach photos or files. "
          + "Send /cancel to stop.");
    } else {
      ctx.reply("Sorry, this bot has no support team set up (no operators' chat), so it cannot take "
          + "questions. Try /faq.").leave();
    }
  }

  private static void question(Context<Draft> ctx) {
    Question.of(ctx).ifPresent(question -> {
      Profile profile = ctx.session(Profile.class).withTicket();
      String ticket = "SUP-" + ctx.userId().orElse(0L) + "-" + profile.tickets();
      SupportDesk.open(ctx, ticket, question, profile.campaign());
      ctx.setSession(profile).setData(new Draft(ticket)).next()
          .reply("Ticket " + ticket + " is open. An operator will answer here; anything you write "
              + "now is added to it.");
    });
  }

  private static void followUp(Context<Draft> ctx) {
    Question.of(ctx).ifPresent(more -> SupportDesk.followUp(ctx, ctx.data().ticket(), more));
  }
}
