package io.ttscenes.example.faq.desk;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.Handlers;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.SessionRef;
import io.ttscenes.api.client.ApiLimits;
import io.ttscenes.api.keyboard.Keyboard;
import io.ttscenes.api.model.AttachmentRequest;
import io.ttscenes.api.model.Button;
import java.util.Locale;
import java.util.Objects;

/**
 * The support desk of a bot: tickets posted to the operators' group chat {@code operatorsChat},
 * answered there and passed back to the user. {@link #install} adds its scenes and handlers to a
 * bot; the user's side calls {@link #open} and {@link #followUp}. What the user reads is in the
 * user's locale: the bot's {@code Bot.Builder.messages} must have the desk's keys ({@code desk.*}:
 * empty, too-long, answer-from, closed, expired, pick-rating, not-your-rating, rated,
 * operators-only). What operators read in their shared chat stays English.
 */
public final class SupportDesk {
  /**
   * The milestone marked in the user's session each time an operator's answer reaches them; the
   * desk declares it when installed, so campaign funnels end with it.
   */
  public static final String TICKET_ANSWERED = "ticket-answered";
  /**
   * The bot's scene in which a user's messages go to their ticket. When the ticket closes, the desk
   * moves the user to its step {@link #CLOSED_STEP}, which the scene must declare: a message there
   * must reach the operators (as a new ticket), not the bot's other handlers.
   */
  public static final String USER_SCENE = "support";
  /** The step of {@link #USER_SCENE} a user is in between the Close and their rating. */
  public static final String CLOSED_STEP = "closed";
  static final SessionRef INDEX = DeskIndex.ref();
  private static final String TICKET_PREFIX = "ticket:";
  private static final String RATE = "rating:";
  /** The continuation of an answer sent to the user: a refusal (blocked bot) closes the ticket. */
  private static final String DELIVERED = "desk.delivered";

  private final long operatorsChat;

  private SupportDesk(long operatorsChat) {
    this.operatorsChat = operatorsChat;
  }

  /** The desk posting tickets to group chat {@code operatorsChat} (the bot must be a member). */
  public static SupportDesk of(long operatorsChat) {
    return new SupportDesk(operatorsChat);
  }

  /** The operators' chat id. */
  public long operatorsChat() {
    return operatorsChat;
  }

  /**
   * Adds the desk's scenes, global handlers and milestone {@link #TICKET_ANSWERED} to {@code bot};
   * install it before other global handlers, so that what operators write in their chat is the
   * desk's and nothing else's.
   */
  public Bot.Builder install(Bot.Builder bot) {
    TicketScene tickets = new TicketScene(operatorsChat);
    DeskIndex index = new DeskIndex(operatorsChat);
    return bot.milestones(TICKET_ANSWERED).scene(tickets.scene()).scene(index.scene()).scene(OperatorsChat.scene())
        .global(g -> new OperatorsChat(operatorsChat).handlers(g))
        .global(tickets::outside)
        .global(index::outside)
        .global(this::userSide);
  }

  /**
   * Opens ticket {@code id} for the user of {@code ctx} with {@code question}: the ticket's named
   * session posts it to the operators' chat. Answers come back to this session.
   */
  public static void open(Context<?> ctx, String id, Question question, String campaign) {
    open(ctx, id, OperatorsChat.name(ctx), question, campaign);
  }

  /**
   * As {@link #open(Context, String, Question, String)} with the user's {@code name} given: for a run
   * without the user's own update (a signal such as {@link LateFollowUp}), which names no user.
   */
  public static void open(Context<?> ctx, String id, String name, Question question, String campaign) {
    Objects.requireNonNull(name, "name");
    String locale = ctx.locale().map(Locale::toLanguageTag).orElse("");
    ctx.signal(ticket(id), new Signals.Open(ctx.self(), id, name, campaign, locale, question));
  }

  /** Adds {@code question} (a further message of the user) to open ticket {@code id}. */
  public static void followUp(Context<?> ctx, String id, Question question) {
    followUp(ctx, id, OperatorsChat.name(ctx), question);
  }

  /** As {@link #followUp(Context, String, Question)} with the user's {@code name} given (a signal's run). */
  public static void followUp(Context<?> ctx, String id, String name, Question question) {
    ctx.signal(ticket(id), new Signals.FollowUp(question, Objects.requireNonNull(name, "name")));
  }

  /**
   * A signal to the user's session: {@code question}, a follow-up to ticket {@code ticket}, reached it
   * after it closed (the user wrote while the operator pressed Close). The bot handles it (with
   * {@code Handlers.onSignal}), typically by opening a new ticket with it and telling the user so.
   *
   * @param ticket the closed ticket's id
   * @param name the user's name as operators see it (the signal's run names no user)
   * @param question what the user wrote
   */
  public record LateFollowUp(String ticket, String name, Question question) {
    /** Checks that every part is there. */
    public LateFollowUp {
      Objects.requireNonNull(ticket, "ticket");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(question, "question");
    }
  }

  /** The named session of ticket {@code id}. */
  static SessionRef ticket(String id) {
    return SessionRef.named(TICKET_PREFIX + id);
  }

  /** The ticket id of a ticket's named session. */
  static String ticketId(SessionRef ref) {
    String key = ref.key();
    int at = key.indexOf(TICKET_PREFIX);
    return at < 0 ? key : key.substring(at + TICKET_PREFIX.length());
  }

  /** What the asking user sees: answers, the close with its rating, the self-close. */
  private void userSide(Handlers g) {
    g.onSignal(Signals.Answered.class, SupportDesk::deliver)
        // Delivered: nothing more to do, but declared, so the outcome is handled rather than unmatched.
        .onSent(DELIVERED, (ctx, sent) -> { })
        // The ticket closes; the user leaves it too, or their later messages would go to a closed ticket.
        .onSendFailed(DELIVERED, (ctx, failure) -> {
          String id = ctx.continuationPayload(String.class);
          leaveTicket(ctx).signal(ticket(id), new Signals.Unreachable(id));
        })
        .onSignal(Signals.Closed.class, (ctx, closed) -> toClosedStep(ctx).reply(OutgoingMessage.text(
            ctx.t("desk.closed", closed.id())).keyboard(ratings(closed.id()))))
        .onSignal(Signals.Expired.class, (ctx, expired) -> leaveTicket(ctx).reply(ctx.t("desk.expired",
            expired.id(), TicketScene.EXPIRE_AFTER.toHours())))
        .onCallbackPrefix(RATE, this::rated);
  }

  /**
   * An operator's answer to the user, marked as the funnel's {@link #TICKET_ANSWERED}; one up to
   * TamTam's limit with the name as its own line if need be.
   */
  private static void deliver(Context<?> ctx, Signals.Answered answered) {
    ctx.reached(TICKET_ANSWERED);
    String from = ctx.t("desk.answer-from", answered.operator());
    String text = (from + " " + answered.text()).strip();
    if (text.length() > ApiLimits.MESSAGE_TEXT_MAX) {
      ctx.reply(from);
      text = answered.text();
    }
    OutgoingMessage answer = OutgoingMessage.text(text);
    for (AttachmentRequest attachment : answered.attachments()) {
      answer = answer.attach(attachment);
    }
    ctx.reply(answer).then(DELIVERED, answered.id());
  }

  private static Context<?> leaveTicket(Context<?> ctx) {
    return ctx.sceneId().filter(SupportDesk::isTicketScene).isPresent() ? ctx.leave() : ctx;
  }

  private static boolean isTicketScene(String scene) {
    return scene.equals(USER_SCENE);
  }

  /** Between Close and the rating the user is at the closed step, where a message opens a new ticket. */
  private static Context<?> toClosedStep(Context<?> ctx) {
    return ctx.sceneId().filter(SupportDesk::isTicketScene).isPresent() ? ctx.goTo(CLOSED_STEP) : ctx;
  }

  /** The rating ends the closed step: the user is back at the root. */
  private static void leaveClosedStep(Context<?> ctx) {
    if (ctx.sceneId().filter(SupportDesk::isTicketScene).isPresent()
        && ctx.step().filter(CLOSED_STEP::equals).isPresent()) {
      ctx.leave();
    }
  }

  private void rated(Context<?> ctx, String rest) {
    int colon = rest.lastIndexOf(':');
    int stars = colon < 0 ? 0 : parse(rest.substring(colon + 1));
    if (stars < 1 || stars > 5) {
      ctx.answer(ctx.t("desk.pick-rating"));
      return;
    }
    String id = rest.substring(0, colon);
    if (!id.matches("SUP-" + ctx.userId().orElse(0L) + "-[0-9]{1,9}")) {
      // A forged button: someone else's ticket, or text to slip into the operators' chat.
      ctx.answer(ctx.t("desk.not-your-rating"));
      return;
    }
    leaveClosedStep(ctx);
    ctx.answer(OutgoingMessage.text(ctx.t("desk.rated", id, String.valueOf(stars))))
        .sendToChat(operatorsChat, OutgoingMessage.text(OperatorsChat.name(ctx) + " rated ticket " + id
            + ": " + stars + " of 5."));
  }

  private static int parse(String digits) {
    return digits.matches("[1-5]") ? Integer.parseInt(digits) : 0;
  }

  private static Keyboard ratings(String id) {
    Button[] row = new Button[5];
    for (int stars = 1; stars <= 5; stars++) {
      row[stars - 1] = Keyboard.callback(String.valueOf(stars), RATE + id + ":" + stars);
    }
    return Keyboard.inline().withRow(row);
  }
}
