package io.ttscenes.example.faq.desk;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.Scene;
import io.ttscenes.api.SessionRef;
import java.util.Locale;
import java.util.Objects;

/**
 * The support desk of a bot: tickets posted to the operators' group chat {@code operatorsChat},
 * answered there and passed back to the user. {@link #install} adds its scenes and handlers to a
 * bot; the user's side calls {@link #open} and {@link #followUp}. What the user reads is in the
 * user's locale; what an operator's action gets in the operators' chat is in that operator's
 * locale (as their button presses report it), and a post nobody prompted (a new ticket, a
 * reminder) in the desk's {@link #withOperatorsLocale operators' locale}. The bot's {@code
 * Bot.Builder.messages} must have the desk's keys: {@code desk.*} for users (empty, too-long,
 * answer-from, closed, expired, pick-rating, not-your-rating, rated, operators-only) and {@code
 * desk.op.*} for operators (see the FAQ bot's bundles).
 */
public final class SupportDesk {
  /**
   * The milestone marked in the user's session each time an operator's answer reaches them; the
   * desk declares it when installed, so campaign funnels end with it.
   */
  public static final String TICKET_ANSWERED = "ticket-answered";
  /**
   * The step of the bot's support scene (the one given to {@link #install}) a user is in between
   * the Close and their rating: a message there must reach the operators (as a new ticket), not
   * the bot's other handlers.
   */
  public static final String CLOSED_STEP = "closed";

  /**
   * The data of the bot's support scene, naming the ticket the user's messages go to. A ticket
   * closing or expiring moves the user on only if it is that one: an older ticket left open by a
   * cancel must not take the user out of their newer one.
   */
  public interface TicketDraft {
    /** The ticket the user's messages go to, or null while none is open. */
    String ticket();
  }
  static final SessionRef INDEX = DeskIndex.ref();
  private static final String TICKET_PREFIX = "ticket:";

  private final long operatorsChat;
  private final OperatorsLanguage language;

  private SupportDesk(long operatorsChat, OperatorsLanguage language) {
    this.operatorsChat = operatorsChat;
    this.language = language;
  }

  /**
   * The desk posting tickets to group chat {@code operatorsChat} (the bot must be a member), its
   * unprompted posts in the bot's fallback locale.
   */
  public static SupportDesk of(long operatorsChat) {
    return new SupportDesk(operatorsChat, new OperatorsLanguage(Locale.ROOT));
  }

  /**
   * This desk with its unprompted posts (a new ticket, a reminder) and its answers to operators
   * whose language is not known yet in {@code locale} (the closest the bot's messages declare).
   */
  public SupportDesk withOperatorsLocale(Locale locale) {
    return new SupportDesk(operatorsChat, new OperatorsLanguage(Objects.requireNonNull(locale, "locale")));
  }

  /** The operators' chat id. */
  public long operatorsChat() {
    return operatorsChat;
  }

  /**
   * Adds the desk's scenes, global handlers and milestone {@link #TICKET_ANSWERED} to {@code bot},
   * with {@code userScene}, the bot's scene in which a user's messages go to their ticket (the
   * desk adds it to the bot too). Install it before other global handlers, so that what operators
   * write in their chat is the desk's and nothing else's. Throws {@link IllegalArgumentException}
   * when {@code userScene} has no step {@link #CLOSED_STEP}.
   */
  public Bot.Builder install(Bot.Builder bot, Scene<? extends TicketDraft> userScene) {
    Objects.requireNonNull(userScene, "userScene");
    if (userScene.step(CLOSED_STEP).isEmpty()) {
      throw new IllegalArgumentException("the support scene '" + userScene.id() + "' has no step '" + CLOSED_STEP
          + "', where the desk moves a user whose ticket closed; its steps: "
          + userScene.steps().stream().map(step -> step.name()).toList());
    }
    TicketScene tickets = new TicketScene(operatorsChat, language);
    DeskIndex index = new DeskIndex(operatorsChat, language);
    UserSide users = new UserSide(operatorsChat, userScene, language);
    return bot.milestones(TICKET_ANSWERED).scene(tickets.scene()).scene(index.scene()).scene(OperatorsChat.scene())
        .scene(userScene)
        .global(g -> new OperatorsChat(operatorsChat, language).handlers(g))
        .global(tickets::outside)
        .global(index::outside)
        .global(users::handlers);
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
}
