package io.ttscenes.example.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ttscenes.example.faq.desk.SupportDesk;
import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestChat;
import io.ttscenes.testkit.kit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The support desk as a user and the operators see it: tickets there and answers back. */
final class SupportDeskKitTest {
  static final long OPERATORS = -4_200_000_001L;

  @RegisterExtension
  final BotTester bot = BotTester.of(FaqBot.create(FaqCatalog.shop(), SupportDesk.of(OPERATORS)));

  @Test
  void aQuestionGoesToTheOperatorsChatWithNameCampaignAndLocale() {
    TestUser olga = bot.user("Olga");
    TestChat desk = operators(olga);
    TestUser alice = bot.user("Alice", "ru");
    alice.startsWithLink("promo42").expectAnyReply();
    String id = "SUP-" + alice.emulated().userId() + "-1";

    alice.sends("/support").expectReplyContaining("Please describe your problem")
        .sends("My parcel is late").expectReply("Ticket " + id + " is open. An operator will answer "
            + "here; anything you write now is added to it.");
    desk.expectReply("Ticket " + id + " from Alice (campaign: promo42, locale: ru)\n\nMy parcel is late")
        .expectKeyboard("Take", "Close").expectNoMoreReplies();
    assertEquals("ticket", bot.session("ticket:" + id).scene().orElseThrow());
  }

  @Test
  void takeThenWritingAnswersTheUserAndFollowUpsJoinTheTicket() {
    TestUser olga = bot.user("Olga");
    TestChat desk = operators(olga);
    TestUser bob = bot.user("Bob");
    String id = ask(bob, desk, "Where is my order?");

    desk.as(olga).presses("Take").expectNotification("You took ticket " + id
        + ": what you write here now goes to the user.");
    desk.expectReply("Ticket " + id + " is taken by Olga: write here to answer Bob.");
    desk.as(olga).sends("It ships tomorrow.");
    bob.expectReply("Olga (support): It ships tomorrow.").expectNoMoreReplies();

    bob.sends("Thanks, and can I change the address?");
    desk.expectReply("Ticket " + id + ", Bob adds:\n\nThanks, and can I change the address?")
        .expectKeyboard("Take", "Close");
    desk.as(olga).sends("Yes, until it ships.");
    bob.expectReply("Olga (support): Yes, until it ships.");
    desk.expectNoMoreReplies();
  }

  @Test
  void closeAsksTheUserForARatingThatReachesTheOperators() {
    TestUser olga = bot.user("Olga");
    TestChat desk = operators(olga);
    TestUser carol = bot.user("Carol");
    String id = ask(carol, desk, "Can I pay by card?");

    desk.as(olga).presses("Close").expectNotification("Closing ticket " + id + ".")
        .expectReply("Ticket " + id + " is closed by Olga.");
    carol.expectReply("Ticket " + id + " is closed. How did we do? Rate the answer from 1 to 5:")
        .expectKeyboard("1", "2", "3", "4", "5")
        .presses("4").expectEdit("Thank you! You rated ticket " + id + ": 4 of 5.");
    desk.expectReply("Carol rated ticket " + id + ": 4 of 5.").expectNoMoreReplies();
    assertFalse(bot.session("ticket:" + id).scene().isPresent(), "the closed ticket left its scene");

    carol.sends("/support").expectReplyContaining("Please describe your problem");
    carol.sends("One more thing").expectReply("Ticket SUP-" + carol.emulated().userId()
        + "-2 is open. An operator will answer here; anything you write now is added to it.");
  }

  private TestChat operators(TestUser owner, TestUser... others) {
    return bot.groupChat(OPERATORS, "Operators", owner, others);
  }

  /** {@code user} asks {@code question}; returns the ticket's id once its post is in the chat. */
  static String ask(TestUser user, TestChat desk, String question) {
    user.sends("/support").expectReplyContaining("Please describe your problem").sends(question)
        .expectReplyContaining(" is open.");
    String id = user.lastReply().text().split(" ")[1];
    desk.expectReplyContaining("Ticket " + id + " from " + user.name());
    return id;
  }
}
