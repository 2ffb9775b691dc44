package io.ttscenes.example.faq.desk;

import io.ttscenes.api.Context;
import io.ttscenes.api.Handlers;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.Scene;
import io.ttscenes.api.keyboard.Keyboard;
import io.ttscenes.api.model.Intent;
import java.time.Duration;

/**
 * A ticket's life in its named session: posted to the operators' chat with Take / Close, raised
 * again every {@link #RAISE_AFTER} while nobody took it, closed by an operator or by itself after
 * {@link #EXPIRE_AFTER} without a message. Answers go to the asking user's session as signals.
 */
final class TicketScene {
  static final String ID = "ticket";
  static final Duration RAISE_AFTER = Duration.ofMinutes(10);
  static final Duration EXPIRE_AFTER = Duration.ofHours(24);
  static final String RAISE = "raise";
  static final String EXPIRE = "expire";
  static final String TAKE = "desk:take:";
  static final String CLOSE = "desk:close:";
  /** The continuation of every post in the operators' chat: its mid goes to the desk index. */
  static final String POSTED = "desk.posted";
  private static final String NOT_SENT = "desk.op.closed-nothing-sent";
  private static final String UNCHANGED = "desk.op.closed-unchanged";
  /** How much of the API's explanation of a refused answer the operators see. */
  static final int REASON_MAX = 300;

  private final long chat;
  private final OperatorsLanguage language;

  TicketScene(long chat, OperatorsLanguage language) {
    this.chat = chat;
    this.language = language;
  }

  Scene<Ticket> scene() {
    return Scene.builder(ID, Ticket.class)
        .onEnter(this::post)
        .onSignal(Signals.FollowUp.class, this::followUp)
        .onSignal(Signals.Answer.class, this::answer)
        .onSignal(Signals.Take.class, this::take)
        .onSignal(Signals.Close.class, this::close)
        .onSignal(Signals.Unreachable.class, (ctx, gone) -> unreachable(ctx))
        .onSignal(Signals.Undelivered.class, (ctx, refused) -> undelivered(ctx, ctx.data().operatorLocale(),
            ctx.data().name(), refused, "open"))
        .onScheduled(RAISE, this::raise)
        .onScheduled(EXPIRE, this::expire)
        .build();
  }

  /** Signals to a ticket that is not open (closed, or never opened): opening, or a defined refusal. */
  void outside(Handlers g) {
    g.onSignal(Signals.Open.class, (ctx, open) -> ctx.enter(ID, Ticket.of(open)))
        .onSignal(Signals.Answer.class, (ctx, answer) -> closedAlready(ctx, answer.operator(), answer.locale(),
            NOT_SENT))
        .onSignal(Signals.Take.class, (ctx, take) -> notTaken(closedAlready(ctx, take.operator(), take.locale(),
            UNCHANGED), take))
        .onSignal(Signals.Close.class, (ctx, close) -> closedAlready(ctx, close.operator(), close.locale(),
            UNCHANGED))
        // The user wrote while the ticket was closing: back to them, and the bot opens a new ticket with it.
        .onSignal(Signals.FollowUp.class, (ctx, followUp) -> ctx.signalSender().ifPresent(asker ->
            ctx.signal(asker, new SupportDesk.LateFollowUp(SupportDesk.ticketId(ctx.self()), followUp.name(),
                followUp.question()))))
        .onSignal(Signals.Unreachable.class, (ctx, gone) -> { })
        // The ticket closed while its answer was on the way: the operators still learn it was not delivered,
        // in the language its notes were in when the answer left (the ticket's data is gone).
        .onSignal(Signals.Undelivered.class, (ctx, refused) -> undelivered(ctx, refused.locale(), refused.name(),
            refused, "closed"))
        // Wherever the ticket is by then: replies to the post must find it while it is open.
        .onSent(POSTED, (ctx, sent) -> ctx.signal(SupportDesk.INDEX,
            new Signals.Posted(ctx.continuationPayload(String.class), sent.messageId())));
  }

  private void post(Context<Ticket> ctx) {
    Ticket ticket = ctx.data();
    OutgoingMessage post = OutgoingMessage.text(withText(header(ctx, ticket), ticket.question()))
        .keyboard(buttons(ctx, ticket));
    ctx.sendToChat(chat, forwarded(post, ticket.question())).then(POSTED, ticket.id());
    ctx.schedule(RAISE, RAISE_AFTER, ticket.id()).schedule(EXPIRE, EXPIRE_AFTER, ticket.id())
        .signal(SupportDesk.INDEX, new Signals.Listed(ticket.id(), ticket.name(), ""));
  }

  private void followUp(Context<Ticket> ctx, Signals.FollowUp followUp) {
    Ticket ticket = ctx.data();
    Question question = followUp.question();
    String text = withText(say(ctx, ticket, "desk.op.adds", ticket.id(), ticket.name()), question);
    ctx.sendToChat(chat, forwarded(OutgoingMessage.text(text).keyboard(buttons(ctx, ticket)), question))
        .then(POSTED, ticket.id());
    ctx.schedule(EXPIRE, EXPIRE_AFTER, ticket.id());
  }

  private void answer(Context<Ticket> ctx, Signals.Answer answer) {
    Ticket ticket = ctx.data();
    if (!ticket.taken()) {
      ticket = ticket.takenBy(answer.operator(), answer.locale());
      ctx.setData(ticket).cancel(RAISE)
          .signal(SupportDesk.INDEX, new Signals.Listed(ticket.id(), ticket.name(), answer.operator()));
    }
    // The ticket's language and user's name go along: a refusal may come back after it closed.
    ctx.signal(ticket.asker(), new Signals.Answered(ticket.id(), answer.operator(), answer.text(),
        answer.attachments(), ticket.operatorLocale(), ticket.name()))
        .schedule(EXPIRE, EXPIRE_AFTER, ticket.id());
  }

  private void take(Context<Ticket> ctx, Signals.Take take) {
    Ticket ticket = ctx.data();
    ctx.setData(ticket.takenBy(take.operator(), take.locale())).cancel(RAISE)
        .signal(SupportDesk.INDEX, new Signals.Listed(ticket.id(), ticket.name(), take.operator()))
        .sendToChat(chat, OutgoingMessage.text(language.in(ctx, take.locale(), "desk.op.taken", ticket.id(),
            take.operator(), ticket.name())));
  }

  private void close(Context<Ticket> ctx, Signals.Close close) {
    Ticket ticket = ctx.data();
    ctx.signal(ticket.asker(), new Signals.Closed(ticket.id(), close.operator(), close.locale()))
        .sendToChat(chat, OutgoingMessage.text(language.in(ctx, close.locale(), "desk.op.closed-by", ticket.id(),
            close.operator())));
    unlist(ctx, ticket);
  }

  /** The user blocked the bot: nobody can answer them, so the ticket closes and operators know why. */
  private void unreachable(Context<Ticket> ctx) {
    Ticket ticket = ctx.data();
    ctx.sendToChat(chat, OutgoingMessage.text(say(ctx, ticket, "desk.op.blocked", ticket.id(), ticket.name())));
    unlist(ctx, ticket);
  }

  /**
   * Tells the operators that an answer of ticket {@code refused.id()} did not reach its user
   * {@code name}, in the language of the operator tagged {@code locale}: the API's status, and
   * its code and message (cut to {@link #REASON_MAX} characters) when it sent them, never more of
   * the call; {@code state} is {@code open} while the ticket is, so the operator can answer again,
   * and {@code closed} once it closed meanwhile. A refused part after an answer's first quotes its
   * beginning and says only that this part did not arrive ({@code desk.op.not-delivered-rest}):
   * the parts before it may have been refused too, each told in its own note.
   */
  private void undelivered(Context<?> ctx, String locale, String name, Signals.Undelivered refused,
      String state) {
    String message = refused.message();
    // Cut between characters, never inside one written as two chars (an emoji), which no chat shows.
    int end = message.length() > REASON_MAX && Character.isHighSurrogate(message.charAt(REASON_MAX - 1))
        ? REASON_MAX - 1 : REASON_MAX;
    String reason = message.length() > REASON_MAX ? message.substring(0, end) + "…" : message;
    // Only what the API said: no empty code or explanation shows as "-" or a dangling colon.
    String why = refused.status() + (refused.code().isEmpty() ? "" : " " + refused.code())
        + (reason.isEmpty() ? "" : ": " + reason);
    String key = refused.rest().isEmpty() ? "desk.op.not-delivered" : "desk.op.not-delivered-rest";
    ctx.sendToChat(chat, OutgoingMessage.text(language.in(ctx, locale, key, refused.id(), name, why, state,
        refused.rest())));
  }

  private void raise(Context<Ticket> ctx) {
    Ticket ticket = ctx.data();
    if (ticket.taken()) {
      return;
    }
    ctx.sendToChat(chat, OutgoingMessage.text(withText(say(ctx, ticket, "desk.op.still-waiting", header(ctx, ticket)),
        ticket.question())).keyboard(buttons(ctx, ticket))).then(POSTED, ticket.id());
    ctx.schedule(RAISE, RAISE_AFTER, ticket.id());
  }

  private void expire(Context<Ticket> ctx) {
    Ticket ticket = ctx.data();
    ctx.signal(ticket.asker(), new Signals.Expired(ticket.id()))
        .sendToChat(chat, OutgoingMessage.text(say(ctx, ticket, "desk.op.expired", ticket.id(),
            EXPIRE_AFTER.toHours())));
    unlist(ctx, ticket);
  }

  private static void unlist(Context<Ticket> ctx, Ticket ticket) {
    ctx.cancel(RAISE).cancel(EXPIRE).signal(SupportDesk.INDEX, new Signals.Unlisted(ticket.id())).leave();
  }

  /** Tells operator {@code operator} (language tag {@code locale}) that the ticket is closed, and the outcome. */
  private Context<?> closedAlready(Context<?> ctx, String operator, String locale, String outcome) {
    String id = SupportDesk.ticketId(ctx.self());
    return ctx.sendToChat(chat, OutgoingMessage.text(language.in(ctx, locale, outcome, operator, id)));
  }

  /** Text {@code key} in the ticket's language: its operator's once taken, else the desk's. */
  private String say(Context<?> ctx, Ticket ticket, String key, Object... args) {
    return language.in(ctx, ticket.operatorLocale(), key, args);
  }

  /** A post's first line and the user's text under it, when they wrote any (not only attachments). */
  private static String withText(String line, Question question) {
    return question.text().isEmpty() ? line : line + "\n\n" + question.text();
  }

  /** The line operators see first: who asks, from which campaign, in which language. */
  private String header(Context<?> ctx, Ticket ticket) {
    String campaign = ticket.campaign().isEmpty() ? say(ctx, ticket, "desk.op.no-campaign") : ticket.campaign();
    String locale = ticket.locale().isEmpty() ? say(ctx, ticket, "desk.op.no-locale") : ticket.locale();
    return say(ctx, ticket, "desk.op.ticket", ticket.id(), ticket.name(), campaign, locale);
  }

  /** Tells the operator's session (when the Take names it) that the closed ticket is not theirs. */
  private static void notTaken(Context<?> ctx, Signals.Take take) {
    if (take.by() != null) {
      ctx.signal(take.by(), new Signals.NotTaken(SupportDesk.ticketId(ctx.self())));
    }
  }

  /** Attachments reach the operators as the user's own message, forwarded with the post. */
  private static OutgoingMessage forwarded(OutgoingMessage post, Question question) {
    return question.attachments() > 0 && !question.mid().isEmpty()
        ? post.forward(question.mid()) : post;
  }

  private Keyboard buttons(Context<?> ctx, Ticket ticket) {
    return Keyboard.inline().withRow(
        Keyboard.callback(say(ctx, ticket, "desk.op.take"), TAKE + ticket.id(), Intent.POSITIVE),
        Keyboard.callback(say(ctx, ticket, "desk.op.close"), CLOSE + ticket.id()));
  }
}
