package io.ttscenes.example.faq;

import io.ttscenes.api.Bot;
import io.ttscenes.example.faq.desk.Question;
import io.ttscenes.example.faq.desk.SupportDesk;
import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestChat;
import io.ttscenes.testkit.kit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A follow-up that reaches a ticket after it closed comes back to the user's session as
 * {@link SupportDesk.LateFollowUp} instead of being dropped: the race of a user writing while an
 * operator presses Close, made deterministic by a bot that sends the follow-up when told to.
 */
final class LateFollowUpKitTest {
  static final long OPERATORS = -4_200_000_003L;

  @RegisterExtension
  final BotTester bot = BotTester.of(lateBot());

  @Test
  void aFollowUpToATicketThatClosedMeanwhileComesBackToTheUserWithItsText() {
    TestUser olga = bot.user("Olga");
    TestChat desk = bot.groupChat(OPERATORS, "Operators", olga);
    TestUser ann = bot.user("Ann");
    ann.sends("/ask Is it waterproof?");
    desk.expectReplyContaining("Ticket SUP-1 from Ann").as(olga).presses("Close")
        .expectNotification("Closing ticket SUP-1.").expectReply("Ticket SUP-1 is closed by Olga.");
    ann.expectReplyContaining("Ticket SUP-1 is closed. How did we do?");

    ann.sends("/more And in the sea?").expectReply("late for SUP-1: And in the sea?").expectNoMoreReplies();
    desk.expectNoMoreReplies();
  }

  /** A bot with the desk whose user side is two commands: ask (ticket SUP-1) and a follow-up to it. */
  private static Bot lateBot() {
    Bot.Builder bot = Bot.builder("late-bot").messages(FaqBot.messages());
    SupportDesk.of(OPERATORS).install(bot);
    return bot.global(g -> g
            .onCommand("ask", ctx -> Question.of(ctx).ifPresent(question ->
                SupportDesk.open(ctx, "SUP-1", new Question(ctx.args(), question.mid(), 0), "")))
            .onCommand("more", ctx -> SupportDesk.followUp(ctx, "SUP-1",
                new Question(ctx.args(), "", 0)))
            .onSignal(SupportDesk.LateFollowUp.class, (ctx, late) ->
                ctx.reply("late for " + late.ticket() + ": " + late.question().text())))
        .build();
  }
}
