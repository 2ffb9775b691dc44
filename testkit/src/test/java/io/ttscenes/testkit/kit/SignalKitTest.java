package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ttscenes.testkit.kit.SupportDeskBot.Desk;
import io.ttscenes.testkit.kit.SupportDeskBot.Ticket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signals between sessions, as users of a support desk see them. */
final class SignalKitTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(SupportDeskBot.create());

  @Test
  void aQuestionGoesToTheOperatorsAsATicketAndTheirReplyComesBackToTheUser() {
    TestUser olga = bot.user("Olga");
    TestUser alice = bot.user("Alice");
    TestChat operators = bot.groupChat("Operators", olga);
    operators.as(olga).sends("/operators").expectReply("This chat now gets the support tickets.");
    // The desk is one named session for the whole bot, shared with the other stories.
    long n = bot.session(SupportDeskBot.DESK).data(Desk.class).lastTicket() + 1;

    alice.sends("How do I reset my password?").expectReply("Thanks! An operator will answer here.");
    operators.expectReply("Ticket #" + n + " from Alice: How do I reset my password?");
    assertEquals("ticket", bot.session("ticket:" + n).scene().orElseThrow());

    operators.as(olga).repliesTo("Ticket #" + n + " from Alice: How do I reset my password?",
        "Open Settings, then Security.");
    operators.expectReply("Ticket #" + n + " answered by Olga.");
    alice.expectReply("Olga from support: Open Settings, then Security.").expectNoMoreReplies();
    operators.expectNoMoreReplies();

    assertFalse(bot.session("ticket:" + n).scene().isPresent(), "the answered ticket left its scene");
    assertEquals(n, bot.session(SupportDeskBot.DESK).data(Desk.class).lastTicket());
  }

  @Test
  void twoUsersGetTwoTicketsAndEachAnswerReachesItsOwnAsker() {
    TestUser oleg = bot.user("Oleg");
    TestUser bob = bot.user("Bob");
    TestUser carol = bot.user("Carol");
    TestChat operators = bot.groupChat("Desk", oleg);
    operators.as(oleg).sends("/operators").expectReply("This chat now gets the support tickets.");
    long first = bot.session(SupportDeskBot.DESK).data(Desk.class).lastTicket() + 1;

    bob.sends("Where is my order?").expectReply("Thanks! An operator will answer here.");
    operators.expectReply("Ticket #" + first + " from Bob: Where is my order?");
    carol.sends("Can I pay by card?").expectReply("Thanks! An operator will answer here.");
    operators.expectReply("Ticket #" + (first + 1) + " from Carol: Can I pay by card?");

    operators.as(oleg).repliesTo("Ticket #" + (first + 1) + " from Carol: Can I pay by card?", "Yes.");
    operators.expectReply("Ticket #" + (first + 1) + " answered by Oleg.");
    carol.expectReply("Oleg from support: Yes.");
    bob.expectNoMoreReplies();
    assertEquals("Where is my order?", bot.session("ticket:" + first).data(Ticket.class).question());
  }

  @Test
  void aSignalNoSessionHandlesIsDroppedAndTheTargetGoesOn() {
    TestUser olive = bot.user("Olive");
    TestUser dan = bot.user("Dan");
    TestChat operators = bot.groupChat("Night shift", olive);
    operators.as(olive).sends("/operators").expectReply("This chat now gets the support tickets.");
    long first = bot.session(SupportDeskBot.DESK).data(Desk.class).lastTicket() + 1;

    dan.sends("/nudge").expectReply("Nudged.");
    dan.sends("Is anyone there?").expectReply("Thanks! An operator will answer here.");

    operators.expectReply("Ticket #" + first + " from Dan: Is anyone there?").expectNoMoreReplies();
  }
}
