package io.ttscenes.testkit.kit;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.Scene;
import io.ttscenes.api.SessionRef;
import io.ttscenes.api.Updates;
import io.ttscenes.api.model.LinkedMessage;
import io.ttscenes.api.model.MessageLinkType;
import io.ttscenes.api.model.User;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A support desk across sessions: a user's question goes as a signal to the named session
 * {@code desk}, which numbers it and opens the named session {@code ticket:N}; the ticket posts it
 * to the operators' group chat. An operator's reply to that post goes as a signal to the ticket,
 * which sends the answer on to the user's own session, which tells the user.
 */
final class SupportDeskBot {
  static final SessionRef DESK = SessionRef.named("desk");
  private static final Pattern TICKET = Pattern.compile("^Ticket #(\\d+) ");

  record OperatorsChat(long chatId) {}

  record Question(SessionRef asker, String name, String text) {}

  record OpenTicket(long number, long chatId, Question question) {}

  record Answer(String operator, String text) {}

  /** What the desk keeps: the operators' chat and the last ticket number. */
  record Desk(long chatId, long lastTicket) {}

  /** What a ticket keeps. */
  record Ticket(long number, long chatId, SessionRef asker, String name, String question) {}

  /** A signal type no session of this bot handles. */
  record Nudge(String note) {}

  private SupportDeskBot() {}

  static Bot create() {
    return Bot.builder("support-desk")
        .scene(Scene.builder("desk", Desk.class)
            .onSignal(OperatorsChat.class, (ctx, chat) ->
                ctx.setData(new Desk(chat.chatId(), ctx.data().lastTicket())))
            .onSignal(Question.class, SupportDeskBot::number)
            .build())
        .scene(Scene.builder("ticket", Ticket.class)
            .onEnter(ctx -> ctx.sendToChat(ctx.data().chatId(), OutgoingMessage.text(
                "Ticket #" + ctx.data().number() + " from " + ctx.data().name() + ": " + ctx.data().question())))
            .onSignal(Answer.class, SupportDeskBot::answer)
            .build())
        .root(r -> r
            .onSignal(OperatorsChat.class, (ctx, chat) -> ctx.enter("desk", new Desk(chat.chatId(), 0)))
            .onSignal(OpenTicket.class, (ctx, open) -> ctx.enter("ticket", new Ticket(open.number(),
                open.chatId(), open.question().asker(), open.question().name(), open.question().text())))
            .onSignal(Answer.class, (ctx, answer) ->
                ctx.reply(answer.operator() + " from support: " + answer.text()))
            .onCommand("operators", ctx -> ctx.signal(DESK, new OperatorsChat(ctx.chatId().orElseThrow()))
                .reply("This chat now gets the support tickets."))
            .onCommand("nudge", ctx -> ctx.signal(DESK, new Nudge("anyone there?")).reply("Nudged."))
            .on(update -> replyTo(update).isPresent(), SupportDeskBot::operatorReplied)
            .onText(ctx -> ctx.signal(DESK, new Question(ctx.self(), name(ctx), ctx.text()))
                .reply("Thanks! An operator will answer here.")))
        .build();
  }

  private static void number(Context<Desk> ctx, Question question) {
    Desk desk = ctx.data();
    long number = desk.lastTicket() + 1;
    ctx.setData(new Desk(desk.chatId(), number))
        .signal(SessionRef.named("ticket:" + number), new OpenTicket(number, desk.chatId(), question));
  }

  private static void answer(Context<Ticket> ctx, Answer answer) {
    Ticket ticket = ctx.data();
    ctx.signal(ticket.asker(), answer)
        .sendToChat(ticket.chatId(), OutgoingMessage.text(
            "Ticket #" + ticket.number() + " answered by " + answer.operator() + "."))
        .leave();
  }

  /** An operator's reply to a ticket's post goes to that ticket. */
  private static void operatorReplied(Context<?> ctx) {
    LinkedMessage link = replyTo(ctx.update()).orElseThrow();
    Matcher ticket = TICKET.matcher(Optional.ofNullable(link.message().text()).orElse(""));
    if (!ticket.find()) {
      ctx.reply("That message is not a ticket.");
      return;
    }
    ctx.signal(SessionRef.named("ticket:" + ticket.group(1)), new Answer(name(ctx), ctx.text()));
  }

  private static Optional<LinkedMessage> replyTo(io.ttscenes.api.model.Update update) {
    return Updates.message(update).map(m -> m.link())
        .filter(link -> link.type() == MessageLinkType.REPLY && link.message() != null);
  }

  private static String name(Context<?> ctx) {
    return ctx.user().map(User::name).orElse("someone");
  }
}
