package io.ttscenes.example.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.example.faq.desk.SupportDesk;
import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestChat;
import io.ttscenes.testkit.kit.TestUser;
import java.time.Duration;
import java.util.Optional;
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
    assertEquals(new Profile("promo42", 1), bot.session(alice).sessionData(Profile.class));
  }

  @Test
  void aQuestionWithAPictureReachesTheOperatorsWithTheUsersMessageForwarded() {
    TestUser olga = bot.user("Olga");
    TestChat desk = operators(olga);
    TestUser kim = bot.user("Kim");
    kim.sends("/support").expectReplyContaining("Please describe your problem").sendsSticker()
        .expectReplyContaining(" is open.");
    desk.expectReply(r -> {
      assertTrue(r.text().startsWith("Ticket SUP-" + kim.emulated().userId() + "-1 from Kim"), r.text());
      assertEquals("forward", r.message().json().path("link").path("type").asText(), r.toString());
    });
  }

  @Test
  void cancelDropsTheQuestionAndAnIdleOneIsDroppedAfterFifteenMinutes() {
    TestUser olga = bot.user("Olga");
    TestChat desk = operators(olga);
    TestUser erin = bot.user("Erin");
    erin.sends("/support").expectAnyReply()
        .sends("/cancel").expectReply("Cancelled; your ticket draft was discarded.")
        .sends("/support").expectAnyReply()
        .sends("/faq").expectReply("Frequently asked questions\nPick a topic:");
    assertEquals(Optional.of("question"), bot.session(erin).step(), "FAQ buttons work inside the ticket");

    bot.advance(SupportScene.IDLE.minusMinutes(1));
    erin.expectNoMoreReplies();
    bot.advance(Duration.ofMinutes(1));
    erin.expectReply("Your question was dropped after 15 minutes without an answer. Send /support to "
        + "start again.").expectNoMoreReplies();
    assertEquals(Optional.empty(), bot.session(erin).scene());
    desk.expectNoMoreReplies();
  }

  @Test
  void supportWhileATicketIsOpenRemindsTheUserInsteadOfOpeningAnother() {
    TestUser olga = bot.user("Olga");
    TestChat desk = operators(olga);
    TestUser lea = bot.user("Lea").starts().expectAnyReply();
    String id = ask(lea, desk, "Is my size in stock?");

    lea.sends("/support").expectReply("Ticket " + id + " is still open: just write here and it is added.");
    lea.presses("Contact support").expectNotification("Let's write to our support team")
        .expectReply("Ticket " + id + " is still open: just write here and it is added.");
    desk.expectNoMoreReplies();
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
  void anAnswerAsLongAsTamTamAllowsReachesTheUserWithTheOperatorsNameOnItsOwnLine() {
    TestUser olga = bot.user("Olga");
    TestChat desk = operators(olga);
    TestUser max = bot.user("Max");
    ask(max, desk, "Explain the warranty, please.");
    String post = desk.lastReply().text();
    String answer = "w".repeat(4000);

    desk.as(olga).repliesTo(post, answer);
    max.expectReply("Olga (support):").expectReply(answer).expectNoMoreReplies();
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

  @Test
  void anOperatorsReplyToTheTicketReachesTheUser() {
    TestUser olga = bot.user("Olga");
    TestChat desk = operators(olga);
    TestUser dan = bot.user("Dan");
    String id = ask(dan, desk, "Do you ship abroad?");
    String post = desk.lastReply().text();

    desk.as(olga).repliesTo(post, "Yes, to 40 countries.");
    dan.expectReply("Olga (support): Yes, to 40 countries.").expectNoMoreReplies();
    dan.sends("Great!");
    desk.expectReply("Ticket " + id + ", Dan adds:\n\nGreat!");
    desk.as(olga).repliesTo("Ticket " + id + ", Dan adds:\n\nGreat!", "You are welcome.");
    dan.expectReply("Olga (support): You are welcome.");
    desk.expectNoMoreReplies();
  }

  @Test
  void twoUsersAndTwoOperatorsAtOnceEachAnswerReachesItsAsker() {
    TestUser olga = bot.user("Olga");
    TestUser oleg = bot.user("Oleg");
    TestChat desk = operators(olga, oleg);
    TestUser bob = bot.user("Bob");
    TestUser carol = bot.user("Carol");
    String bobs = ask(bob, desk, "Where is my order?");
    String bobsPost = desk.lastReply().text();
    String carols = ask(carol, desk, "Can I pay by card?");

    desk.as(oleg).pressesUnder(desk.lastReply().text(), "Take").expectNotification("You took ticket "
        + carols + ": what you write here now goes to the user.")
        .expectReply("Ticket " + carols + " is taken by Oleg: write here to answer Carol.");
    desk.as(olga).repliesTo(bobsPost, "It left the warehouse today.");
    desk.as(oleg).sends("Yes, Visa and Mir.");
    bob.expectReply("Olga (support): It left the warehouse today.").expectNoMoreReplies();
    carol.expectReply("Oleg (support): Yes, Visa and Mir.").expectNoMoreReplies();

    desk.as(olga).sends("/open").expectReply("Open tickets (2):\n" + bobs + " from Bob: taken by Olga\n"
        + carols + " from Carol: taken by Oleg");
    desk.expectNoMoreReplies();
  }

  @Test
  void aTicketNobodyTookIsRaisedEveryTenMinutesUntilTaken() {
    TestUser olga = bot.user("Olga");
    TestChat desk = operators(olga);
    TestUser erin = bot.user("Erin");
    String id = ask(erin, desk, "Is the shop open on Sunday?");
    String post = desk.lastReply().text();

    bot.advance(Duration.ofMinutes(9));
    desk.expectNoMoreReplies();
    bot.advance(Duration.ofMinutes(1));
    desk.expectReply("Still waiting for an operator. " + post).expectKeyboard("Take", "Close");
    bot.advance(Duration.ofMinutes(10));
    desk.expectReply("Still waiting for an operator. " + post);

    desk.as(olga).presses("Take").expectNotification("You took ticket " + id
        + ": what you write here now goes to the user.")
        .expectReply("Ticket " + id + " is taken by Olga: write here to answer Erin.");
    bot.advance(Duration.ofMinutes(30));
    desk.expectNoMoreReplies();
  }

  @Test
  void aTicketWithoutMessagesFor24HoursClosesItselfAndTellsTheUser() {
    TestUser olga = bot.user("Olga");
    TestChat desk = operators(olga);
    TestUser fay = bot.user("Fay");
    String id = ask(fay, desk, "Do you have gift cards?");
    desk.as(olga).repliesTo(desk.lastReply().text(), "Yes, from 500 rubles.");
    fay.expectReply("Olga (support): Yes, from 500 rubles.");

    bot.advance(Duration.ofHours(23));
    fay.expectNoMoreReplies();
    bot.advance(Duration.ofHours(1));
    fay.expectReply("Ticket " + id + " closed after 24 hours without messages. Send /support to ask again.");
    desk.expectReply("Ticket " + id + " closed itself after 24 hours without a message.");
    desk.as(olga).sends("/open").expectReply("No open tickets.");
    fay.sends("/support").expectReplyContaining("Please describe your problem");
  }

  @Test
  void anEmptyOrHugeQuestionIsRefusedAndTheUserCanAskAgain() {
    TestUser olga = bot.user("Olga");
    TestChat desk = operators(olga);
    TestUser gil = bot.user("Gil");
    gil.sends("/support").expectReplyContaining("Please describe your problem");

    gil.sends("   ").expectReply("Your message is empty: please write your question (you can add "
        + "photos or files).");
    gil.sends("x".repeat(3001)).expectReply("That is 3001 characters; please keep it under 3000 (send "
        + "it in parts if you need to).");
    desk.expectNoMoreReplies();
    gil.sends("x".repeat(3000)).expectReplyContaining(" is open.");
    desk.expectReplyContaining("from Gil");
  }

  @Test
  void ticketButtonsOutsideTheOperatorsChatAreRefused() {
    TestUser olga = bot.user("Olga");
    TestChat desk = operators(olga);
    TestUser hal = bot.user("Hal").starts().expectAnyReply();
    String id = ask(hal, desk, "Why was I charged twice?");

    hal.pressesForged("desk:take:" + id).expectNotification("Tickets are handled only in the operators' chat.");
    hal.pressesForged("desk:close:" + id).expectNotification("Tickets are handled only in the operators' chat.");
    desk.expectNoMoreReplies();
    assertEquals("ticket", bot.session("ticket:" + id).scene().orElseThrow());
  }

  @Test
  void anOperatorReplyingToAClosedTicketIsToldNothingWasSent() {
    TestUser olga = bot.user("Olga");
    TestUser oleg = bot.user("Oleg");
    TestChat desk = operators(olga, oleg);
    TestUser ivy = bot.user("Ivy");
    String id = ask(ivy, desk, "Can I return shoes?");
    String post = desk.lastReply().text();
    desk.as(oleg).presses("Take").expectNotification("You took ticket " + id
        + ": what you write here now goes to the user.").expectReplyContaining("is taken by Oleg");
    desk.as(olga).presses("Close").expectNotification("Closing ticket " + id + ".").expectReply("Ticket " + id + " is closed by Olga.");
    ivy.expectReplyContaining("is closed. How did we do?");

    desk.as(olga).repliesTo(post, "Also, within 30 days.");
    desk.expectReply("Olga: ticket " + id + " is closed; nothing was sent to the user.");
    desk.as(olga).repliesTo("Ticket " + id + " is closed by Olga.", "Bye!");
    desk.expectNoMoreReplies();
    bot.advance(Duration.ofMinutes(1));
    desk.expectReply("Olga: that message is not an open ticket, so your reply went to nobody. "
        + "Send /open to see the open tickets.");
    desk.as(oleg).sends("Still there?");
    desk.expectReply("Oleg: ticket " + id + " is closed; nothing was sent to the user.");
    ivy.expectNoMoreReplies();
  }

  @Test
  void aUserWhoBlockedTheBotHasTheTicketClosedAndOperatorsAreTold() {
    TestUser olga = bot.user("Olga");
    TestChat desk = operators(olga);
    TestUser jon = bot.user("Jon");
    String id = ask(jon, desk, "How do I unsubscribe?");
    String post = desk.lastReply().text();
    jon.blocksBot();

    desk.as(olga).repliesTo(post, "Settings, then Notifications.");
    desk.expectReply("Ticket " + id + " is closed: Jon blocked the bot, so answers cannot reach them.");
    desk.as(olga).sends("/open").expectReply("No open tickets.");
    assertFalse(bot.session("ticket:" + id).scene().isPresent(), "the ticket closed");
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
