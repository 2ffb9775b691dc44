package io.ttscenes.example.faq;

import io.ttscenes.api.Context;
import io.ttscenes.api.Handlers;
import io.ttscenes.api.Scene;
import io.ttscenes.api.model.User;
import io.ttscenes.example.faq.desk.Question;
import io.ttscenes.example.faq.desk.SupportDesk;
import java.time.Duration;

/**
 * The user's side of a support ticket: the next message (text, photos, files) is the question,
 * which opens a ticket with the operators; after that every message of the user goes to the same
 * ticket until an operator closes it. Between the Close and the rating (step
 * {@link SupportDesk#CLOSED_STEP}) a message opens a new ticket, and so does a follow-up that
 * reached the ticket just after it closed: nothing the user writes to support is lost. A question
 * not written within {@link #IDLE} is dropped, and the user is told so. Start it with
 * {@link #start}, which every "ask a person" button and {@code /support} call. The desk knows the
 * scene by the object {@link #create} returns, given to {@code SupportDesk.install}.
 */
final class SupportScene {
  static final String ID = "support";
  static final Duration IDLE = Duration.ofMinutes(15);
  private static final String OPEN = "open";

  /**
   * The scene's data.
   *
   * @param ticket the ticket's id (open, or just closed at the closed step), or null while the
   *     question is not asked yet
   */
  record Draft(String ticket) implements SupportDesk.TicketDraft {}

  private SupportScene() {}

  /**
   * Starts a ticket: enters the scene, or, while the user's ticket is open, reminds them that
   * their messages already go to it. The entry point of every "contact support" button.
   */
  static void start(Context<?> ctx) {
    if (openTicket(ctx) != null) {
      ctx.reply(ctx.t("support.still-open", openTicket(ctx)));
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
            .idleTimeout(IDLE, ctx -> ctx.reply(ctx.t("support.dropped", IDLE.toMinutes())).leave()))
        .step(OPEN, step -> step
            .onMessage(SupportScene::followUp))
        .step(SupportDesk.CLOSED_STEP, step -> step
            .onMessage(ctx -> Question.of(ctx).ifPresent(more -> reopen(ctx, ctx.data().ticket(), name(ctx), more)))
            // Not rated within the window: back to the root quietly, where text is an FAQ question again.
            .idleTimeout(IDLE, Context::leave))
        .build();
  }

  /** The follow-up that reached a closed ticket comes back here, wherever the user is now. */
  static void lateFollowUps(Handlers g) {
    g.onSignal(SupportDesk.LateFollowUp.class, SupportScene::late);
  }

  private static void late(Context<?> ctx, SupportDesk.LateFollowUp late) {
    String open = openTicket(ctx);
    if (open != null && !open.equals(late.ticket())) {
      // A newer ticket is open already: the message joins it.
      SupportDesk.followUp(ctx, open, late.name(), late.question());
      ctx.reply(ctx.t("support.late-added", late.ticket(), open));
    } else if (ctx.sceneId().filter(ID::equals).isPresent()) {
      reopen(ctx, late.ticket(), late.name(), late.question());
    } else {
      String ticket = openNew(ctx, late.name(), late.question());
      ctx.enter(ID, new Draft(ticket)).reply(ctx.t("support.reopened", late.ticket(), ticket));
    }
  }

  /** Ticket {@code closed} is closed: {@code question} opens a new one, and the user is told. */
  private static void reopen(Context<?> ctx, String closed, String name, Question question) {
    String ticket = openNew(ctx, name, question);
    draft(ctx).setData(new Draft(ticket));
    if (ctx.step().filter(OPEN::equals).isEmpty()) {
      ctx.goTo(OPEN);
    }
    ctx.reply(ctx.t("support.reopened", closed, ticket));
  }

  /** The context of a run in this scene (a global handler's is untyped), to set its data. */
  @SuppressWarnings("unchecked")
  private static Context<Draft> draft(Context<?> ctx) {
    if (ctx.sceneId().filter(ID::equals).isEmpty()) {
      throw new IllegalStateException("not in scene " + ID + ": " + ctx.sceneId().orElse("the root"));
    }
    return (Context<Draft>) ctx;
  }

  /** The user's ticket that is open, or null: their draft's ticket unless it is at the closed step. */
  private static String openTicket(Context<?> ctx) {
    boolean inScene = ctx.sceneId().filter(ID::equals).isPresent()
        && ctx.step().filter(SupportDesk.CLOSED_STEP::equals).isEmpty();
    return inScene && ctx.data() instanceof Draft draft ? draft.ticket() : null;
  }

  private static void prompt(Context<Draft> ctx, boolean staffed) {
    if (ctx.data().ticket() != null) {
      return; // entered with a ticket opened already (a late follow-up): the user was told
    }
    if (staffed) {
      ctx.reply(ctx.t("support.prompt"));
    } else {
      ctx.reply(ctx.t("support.unstaffed")).leave();
    }
  }

  private static void question(Context<Draft> ctx) {
    if (ctx.data().ticket() != null) {
      followUp(ctx);
      return;
    }
    Question.of(ctx).ifPresent(question -> {
      String ticket = openNew(ctx, name(ctx), question);
      ctx.setData(new Draft(ticket)).next().reply(ctx.t("support.opened", ticket));
    });
  }

  /** Opens the user's ({@code name}'s) next ticket with {@code question}; returns its id. */
  private static String openNew(Context<?> ctx, String name, Question question) {
    Profile profile = ctx.session(Profile.class).withTicket();
    String ticket = "SUP-" + ctx.userId().orElse(0L) + "-" + profile.tickets();
    SupportDesk.open(ctx, ticket, name, question, profile.campaign());
    ctx.setSession(profile);
    return ticket;
  }

  /** The name of the user whose message this run handles, as operators see it. */
  private static String name(Context<?> ctx) {
    return ctx.user().map(User::name).orElse("");
  }

  private static void followUp(Context<Draft> ctx) {
    Question.of(ctx).ifPresent(more -> SupportDesk.followUp(ctx, ctx.data().ticket(), more));
  }
}
