package io.ttscenes.example.faq.desk;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.Handlers;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.SessionRef;
import io.ttscenes.api.client.ApiLimits;
import io.ttscenes.api.keyboard.Keyboard;
import io.ttscenes.api.model.Button;
import java.util.Locale;

/**
 * The support desk of a bot: tickets posted to the operators' group chat {@code operatorsChat},
 * answered there and passed back to the user. {@link #install} adds its scenes and handlers to a
 * bot; the user's side calls {@link #open} and {@link #followUp}.
 */
public final class SupportDesk {
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
   * Adds the desk's scenes and global handlers to {@code bot}; install it before other global
   * handlers, so that what operators write in their chat is the desk's and nothing else's.
   */
  public Bot.Builder install(Bot.Builder bot) {
    TicketScene tickets = new TicketScene(operatorsChat);
    DeskIndex index = new DeskIndex(operatorsChat);
    return bot.scene(tickets.scene()).scene(index.scene()).scene(OperatorsChat.scene())
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
    String name = OperatorsChat.name(ctx);
    String locale = ctx.locale().map(Locale::toLanguageTag).orElse("");
    ctx.signal(ticket(id), new Signals.Open(ctx.self(), id, name, campaign, locale, question));
  }

  /** Adds {@code question} (a further message of the user) to open ticket {@code id}. */
  public static void followUp(Context<?> ctx, String id, Question question) {
    ctx.signal(ticket(id), new Signals.FollowUp(question));
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
        .onSendFailed(DELIVERED, (ctx, failure) -> {
          String id = ctx.continuationPayload(String.class);
          ctx.signal(ticket(id), new Signals.Unreachable(id));
        })
        .onSignal(Signals.Closed.class, (ctx, closed) -> leaveTicket(ctx).reply(OutgoingMessage.text(
            "Ticket " + closed.id() + " is closed. How did we do? Rate the answer from 1 to 5:")
            .keyboard(ratings(closed.id()))))
        .onSignal(Signals.Expired.class, (ctx, expired) -> leaveTicket(ctx).reply("Ticket "
            + expired.id() + " closed after 24 hours without messages. Send /support to ask again."))
        .onCallbackPrefix(RATE, this::rated);
  }

  /** An operator's answer to the user; one up to TamTam's limit with the name as its own line if need be. */
  private static void deliver(Context<?> ctx, Signals.Answered answered) {
    String from = answered.operator() + " (support):";
    String text = from + " " + answered.text();
    if (text.length() > ApiLimits.MESSAGE_TEXT_MAX) {
      ctx.reply(from);
      text = answered.text();
    }
    ctx.reply(text).then(DELIVERED, answered.id());
  }

  private static Context<?> leaveTicket(Context<?> ctx) {
    return ctx.sceneId().filter(SupportDesk::isTicketScene).isPresent() ? ctx.leave() : ctx;
  }

  private static boolean isTicketScene(String scene) {
    return scene.equals("support");
  }

  private void rated(Context<?> ctx, String rest) {
    int colon = rest.lastIndexOf(':');
    int stars = colon < 0 ? 0 : parse(rest.substring(colon + 1));
    if (stars < 1 || stars > 5) {
      ctx.answer("Please pick a rating from 1 to 5.");
      return;
    }
    String id = rest.substring(0, colon);
    ctx.answer(OutgoingMessage.text("Thank you! You rated ticket " + id + ": " + stars + " of 5."))
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
