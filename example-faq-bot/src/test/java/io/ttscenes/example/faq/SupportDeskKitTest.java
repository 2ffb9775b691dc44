package io.ttscenes.example.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.ttscenes.example.faq.catalog.FaqCatalog;
import io.ttscenes.example.faq.desk.SupportDesk;
import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestChat;
import io.ttscenes.testkit.kit.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The support desk as a user and the operators see it: tickets there and answers back. */
final class SupportDeskKitTest {
  static final long OPERATORS = -4_200_000_001L;

  @RegisterExtension
  final BotTester bot = BotTester.of(FaqBot.create(FaqCatalog.sample(), SupportDesk.of(OPERATORS)));
  private TestUser olga;
  private TestUser oleg;
  private TestChat desk;

  /** Before each test: the operators Olga and Oleg in the operators' chat, {@code desk}. */
  @BeforeEach
  void operatorsOnDuty() {
    olga = bot.user("Olga");
    oleg = bot.user("Oleg");
    desk = bot.groupChat(OPERATORS, "Operators", olga, oleg);
  }

  @Test
  void aQuestionGoesToTheOperatorsChatWithNameCampaignAndLocale() {
    TestUser alice = bot.user("Alice", "ru");
    alice.startsWithLink("ref_promo42").expectAnyReply();
    String id = "SUP-" + alice.emulated().userId() + "-1";

    alice.sends("/support").expectReply("Опишите проблему одним сообщением; можно приложить фото или файлы. "
            + "Отправьте /cancel, чтобы отменить.")
        .sends("My parcel is late").expectReply("Обращение " + id + " открыто. Оператор ответит здесь; всё, "
            + "что вы напишете сейчас, будет добавлено к нему.");
    desk.expectReply("Ticket " + id + " from Alice (campaign: promo42, locale: ru)\n\nMy parcel is late")
        .expectKeyboard("Take", "Close").expectNoMoreReplies();
    assertEquals("ticket", bot.session("ticket:" + id).scene().orElseThrow());
    assertEquals(new Profile("promo42", 1), bot.session(alice).sessionData(Profile.class));
  }

  @Test
  void aQuestionWithAPictureReachesTheOperatorsWithTheUsersMessageForwarded() {
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
    TestUser lea = bot.user("Lea").starts().expectAnyReply();
    String id = ask(lea, desk, "Is my size in stock?");

    lea.sends("/support").expectReply("Ticket " + id + " is still open: just write here and it is added.");
    lea.presses("Contact support").expectNotification("Let's write to our support team")
        .expectReply("Ticket " + id + " is still open: just write here and it is added.");
    desk.expectNoMoreReplies();
  }

  @Test
  void takeThenWritingAnswersTheUserAndFollowUpsJoinTheTicket() {
    TestUser bob = bot.user("Bob");
    String id = ask(bob, desk, "Where is my order?");

    desk.as(olga).presses("Take").expectNotification("Taking ticket " + id + "…");
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
  void anAnswerTooLongForOneMessageWithTheNameReachesTheUserInTwoTheFirstStartingWithTheName() {
    TestUser max = bot.user("Max");
    ask(max, desk, "Explain the warranty, please.");
    String post = desk.lastReply().text();
    String answer = "w".repeat(4000);

    desk.as(olga).repliesTo(post, answer);
    String first = "Olga (support): " + "w".repeat(4000 - "Olga (support): ".length());
    max.expectReply(first).expectReply("w".repeat("Olga (support): ".length())).expectNoMoreReplies();
  }

  @Test
  void aLongAnswerOfEmojiAloneIsSplitBetweenEmojiNeverInsideOne() {
    TestUser max = bot.user("Max");
    ask(max, desk, "Explain the warranty, please.");
    String post = desk.lastReply().text();
    // One emoji of seven characters (man, woman, girl, boy joined by ZWJ); no spaces anywhere.
    String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
    String answer = family.repeat(571);

    desk.as(olga).repliesTo(post, answer);
    // 3,984 characters fit after "Olga (support): ": 569 whole emoji (3,983), not 3,984 cutting the 570th.
    max.expectReply("Olga (support): " + family.repeat(569)).expectReply(family.repeat(2)).expectNoMoreReplies();
  }

  @Test
  void aLongAnswerStartingWithBlankLinesNeverLeavesTheNameAlone() {
    TestUser max = bot.user("Max");
    ask(max, desk, "Explain the warranty, please.");
    String post = desk.lastReply().text();
    String answer = "\n".repeat(2500) + "w".repeat(1500);

    desk.as(olga).repliesTo(post, answer);
    max.expectReply("Olga (support): " + "w".repeat(1500)).expectNoMoreReplies();
  }

  @Test
  void aRefusedRestOfEmojiIsQuotedToTheOperatorsBetweenEmojiNeverInsideOne() {
    TestUser max = bot.user("Max");
    String id = ask(max, desk, "Explain the warranty, please.");
    String post = desk.lastReply().text();
    String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
    String answer = "w".repeat(3000) + " " + family.repeat(142);
    bot.faults().delay("/messages", 1, Duration.ZERO).refuse("/messages", 1, 400, "proto.payload", "Bad text");

    desk.as(olga).repliesTo(post, answer);
    max.expectReply("Olga (support): " + "w".repeat(3000)).expectNoMoreReplies();
    // The quote holds at most 40 characters: five whole emoji (35), not 40 ending inside the sixth.
    desk.expectReply("Ticket " + id + ": part of the answer to Max was not delivered: the Bot API refused the "
        + "part from \"" + family.repeat(5) + "\u2026\" (400 proto.payload: Bad text). The ticket stays open: write "
        + "again to send that part.").expectNoMoreReplies();
  }

  @Test
  void aLongAnswerWhoseSecondPartIsRefusedLeavesTheUserNoLoneNameAndTellsTheOperatorsWhatDidNotArrive() {
    TestUser max = bot.user("Max");
    String id = ask(max, desk, "Explain the warranty, please.");
    String post = desk.lastReply().text();
    // 3,998 characters: with "Olga (support): " in front, more than one message holds (4,000).
    String answer = "The warranty covers two years. ".repeat(129).strip();
    String rest = "covers two years.";
    bot.faults().delay("/messages", 1, Duration.ZERO).refuse("/messages", 1, 400, "proto.payload", "Bad text");

    desk.as(olga).repliesTo(post, answer);
    max.expectReply("Olga (support): " + answer.substring(0, answer.length() - rest.length()).strip())
        .expectNoMoreReplies();
    desk.expectReply("Ticket " + id + ": part of the answer to Max was not delivered: the Bot API refused the "
        + "part from \"" + rest + "\" (400 proto.payload: Bad text). The ticket stays open: write again to send that "
        + "part.").expectNoMoreReplies();
    desk.as(olga).repliesTo(post, "The rest: covers two years.");
    max.expectReply("Olga (support): The rest: covers two years.").expectNoMoreReplies();
  }

  @Test
  void aLongAnswerWhoseSecondPartMeetsABlockedBotLeavesTheUserNoLoneNameAndClosesTheTicket() {
    TestUser max = bot.user("Max");
    String id = ask(max, desk, "Explain the warranty, please.");
    String post = desk.lastReply().text();
    String answer = "The warranty covers two years. ".repeat(129).strip();
    bot.faults().delay("/messages", 1, Duration.ZERO).refuse("/messages", 1, 403, "chat.denied", "User blocked the bot");

    desk.as(olga).repliesTo(post, answer);
    max.expectReply(reply -> assertTrue(reply.text().startsWith("Olga (support): The warranty"), reply.text()))
        .expectNoMoreReplies();
    closedAsUnreachable(max, id);
  }

  // The two refusals below are taken by the two parts, never by the operators' note: both parts are
  // sent by the one turn's outbox on Max's session lane, and a part's refusal reaches the ticket only
  // from Max's onSendFailed turn, which that lane runs after the turn that sent every part (lanes are
  // FIFO per session key; docs/architecture.md, sent-message continuations). So the note's call
  // always comes after the second part's, whatever the timing.
  @Test
  void aLongAnswerWhosePartsAreBothRefusedTellsTheOperatorsOfEachPartWithoutSayingTheBeginningArrived() {
    TestUser max = bot.user("Max");
    String id = ask(max, desk, "Explain the warranty, please.");
    String post = desk.lastReply().text();
    String answer = "The warranty covers two years. ".repeat(129).strip();
    bot.faults().refuse("/messages", 2, 400, "proto.payload", "Bad text");

    desk.as(olga).repliesTo(post, answer);
    // Each part's refusal reaches the ticket as its own signal: in either order. Neither note may
    // say that some of the answer arrived: none did.
    Set<String> notes = new HashSet<>();
    desk.expectReply(r -> notes.add(r.text())).expectReply(r -> notes.add(r.text())).expectNoMoreReplies();
    assertEquals(Set.of("Ticket " + id + ": the answer to Max was not delivered, the Bot API refused it "
        + "(400 proto.payload: Bad text). The ticket stays open: write again to answer.",
        "Ticket " + id + ": part of the answer to Max was not delivered: the Bot API refused the part from "
        + "\"covers two years.\" (400 proto.payload: Bad text). The ticket stays open: write again to send that "
        + "part."), notes);
    max.expectNoMoreReplies();
    assertEquals(0, bot.faults().pending("/messages"), "both parts were sent");
  }

  @Test
  void aLongAnswerWhosePartsBothMeetABlockedBotClosesTheTicketOnce() {
    TestUser max = bot.user("Max");
    String id = ask(max, desk, "Explain the warranty, please.");
    String post = desk.lastReply().text();
    String answer = "The warranty covers two years. ".repeat(129).strip();
    // Both refusals go to the parts, never to the note: see the test above.
    bot.faults().refuse("/messages", 2, 403, "chat.denied", "User blocked the bot");

    desk.as(olga).repliesTo(post, answer);
    closedAsUnreachable(max, id);
    desk.expectNoMoreReplies();
    max.expectNoMoreReplies();
    assertEquals(0, bot.faults().pending("/messages"), "both parts were sent");
  }

  @Test
  void aSecondPartRefusedAsBlockedAfterTheUserOpenedANewTicketLeavesThemInTheNewTicket()
      throws InterruptedException {
    TestUser max = bot.user("Max");
    String id = ask(max, desk, "Explain the warranty, please.");
    String post = desk.lastReply().text();
    String answer = "The warranty covers two years. ".repeat(129).strip();
    // The first part is refused at once, the second 2 s later: meanwhile Max (who unblocked the bot)
    // asks again. His lane runs the first refusal, then his two messages, then the second refusal.
    bot.faults().refuse("/messages", 1, 403, "chat.denied", "User blocked the bot")
        .refuseAfter(Duration.ofSeconds(2), "/messages", 1, 403, "chat.denied", "User blocked the bot");
    desk.as(olga).repliesTo(post, answer);
    awaitTaken(bot, "/messages");
    max.emulated().sendCommand("/support");
    max.emulated().sendText("And my order, please.");

    max.expectReplyContaining("/cancel").expectReplyContaining("SUP-");
    String second = max.lastReply().text().split(" ")[1];
    Set<String> notes = new HashSet<>();
    desk.expectReply(r -> notes.add(r.text().lines().findFirst().orElseThrow()))
        .expectReply(r -> notes.add(r.text().lines().findFirst().orElseThrow())).expectNoMoreReplies();
    assertTrue(notes.contains("Ticket " + id + " is closed: Max blocked the bot, so answers cannot reach them."),
        notes.toString());
    assertTrue(notes.stream().anyMatch(n -> n.startsWith("Ticket " + second + " from Max")), notes.toString());
    assertFalse(bot.session("ticket:" + id).scene().isPresent(), "the first ticket closed");
    // The second part's refusal is about the first ticket: Max still writes to his new one.
    assertTrue(bot.session(max).scene().isPresent(), "Max left his new ticket " + second);
    max.sends("It is order 42.");
    desk.expectReply("Ticket " + second + ", Max adds:\n\nIt is order 42.").expectNoMoreReplies();
    max.expectNoMoreReplies();
  }

  @Test
  void aLaterAnswerNeverOvertakesTheRestOfALongOne() throws InterruptedException {
    TestUser max = bot.user("Max");
    ask(max, desk, "Explain the warranty, please.");
    String post = desk.lastReply().text();
    String answer = "The warranty covers two years. ".repeat(129).strip();
    bot.faults().delay("/messages", 1, Duration.ofSeconds(2)); // the first part is slow to be taken
    desk.as(olga).repliesTo(post, answer);
    awaitTaken(bot, "/messages");
    String mid = desk.emulated().messages().stream().filter(m -> post.equals(m.text()))
        .reduce((a, b) -> b).orElseThrow().mid();
    desk.emulated().replyTo(olga.emulated(), mid, "Anything else?");
    max.expectReply(r -> assertTrue(r.text().startsWith("Olga (support): The warranty"), r.text()))
        .expectReply("covers two years.").expectReply("Olga (support): Anything else?").expectNoMoreReplies();
  }

  /** Waits until every fault queued for {@code path} was taken by a call (at most 10 s). */
  private static void awaitTaken(BotTester tester, String path) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (tester.faults().pending(path) > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no call to " + path + " took the queued fault within 10 s");
      }
      Thread.sleep(5);
    }
  }

  @Test
  void closeAsksTheUserForARatingThatReachesTheOperators() {
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
    TestUser dan = bot.user("Dan");
    String id = ask(dan, desk, "Do you ship abroad?");
    String post = desk.lastReply().text();
    double answered = answeredTickets();

    desk.as(olga).repliesTo(post, "Yes, to 40 countries.");
    dan.expectReply("Olga (support): Yes, to 40 countries.").expectNoMoreReplies();
    dan.sends("Great!");
    desk.expectReply("Ticket " + id + ", Dan adds:\n\nGreat!");
    desk.as(olga).repliesTo("Ticket " + id + ", Dan adds:\n\nGreat!", "You are welcome.");
    dan.expectReply("Olga (support): You are welcome.");
    desk.expectNoMoreReplies();
    bot.awaitIdle();
    assertEquals(answered + 2, answeredTickets(), "each answer that reached Dan is a ticket-answered mark");
    assertEquals(0.0, bot.meters().find("ttscenes.updates").tag("outcome", "unmatched").counters().stream()
        .mapToDouble(Counter::count).sum(), "every answer's delivery was handled, none dropped as unmatched");
  }

  @Test
  void twoRepliesToAMessageTheDeskDoesNotKnowAreEachAccountedFor() {
    TestUser kim = bot.user("Kim");
    String id = ask(kim, desk, "Do you sell gift wrap?");
    desk.as(olga).presses("Take").expectNotification("Taking ticket " + id + "…");
    String taken = "Ticket " + id + " is taken by Olga: write here to answer Kim.";
    desk.expectReply(taken);

    desk.as(olga).repliesTo(taken, "First try.");
    desk.as(oleg).repliesTo(taken, "Second try.");
    desk.expectNoMoreReplies();
    bot.advance(Duration.ofMinutes(1));
    desk.expectReply("Olga: that message is not an open ticket, so your reply went to nobody. "
        + "Send /open to see the open tickets.");
    desk.expectReply("Oleg: that message is not an open ticket, so your reply went to nobody. "
        + "Send /open to see the open tickets.");
    desk.expectNoMoreReplies();
    kim.expectNoMoreReplies();
  }

  @Test
  void twoUsersAndTwoOperatorsAtOnceEachAnswerReachesItsAsker() {
    TestUser bob = bot.user("Bob");
    TestUser carol = bot.user("Carol");
    String bobs = ask(bob, desk, "Where is my order?");
    String bobsPost = desk.lastReply().text();
    String carols = ask(carol, desk, "Can I pay by card?");

    desk.as(oleg).pressesUnder(desk.lastReply().text(), "Take").expectNotification("Taking ticket " + carols + "…")
        .expectReply("Ticket " + carols + " is taken by Oleg: write here to answer Carol.");
    desk.as(olga).repliesTo(bobsPost, "It left the warehouse today.");
    desk.as(oleg).sends("Yes, Visa and Mir.");
    bob.expectReply("Olga (support): It left the warehouse today.").expectNoMoreReplies();
    carol.expectReply("Oleg (support): Yes, Visa and Mir.").expectNoMoreReplies();

    desk.as(olga).sends("/open").expectReply("2 open tickets:\n" + bobs + " from Bob: taken by Olga\n"
        + carols + " from Carol: taken by Oleg");
    desk.expectNoMoreReplies();
  }

  @Test
  void aTicketNobodyTookIsRaisedEveryTenMinutesUntilTaken() {
    TestUser erin = bot.user("Erin");
    String id = ask(erin, desk, "Is the shop open on Sunday?");
    String post = desk.lastReply().text();

    bot.advance(Duration.ofMinutes(9));
    desk.expectNoMoreReplies();
    bot.advance(Duration.ofMinutes(1));
    desk.expectReply("Still waiting for an operator. " + post).expectKeyboard("Take", "Close");
    bot.advance(Duration.ofMinutes(10));
    desk.expectReply("Still waiting for an operator. " + post);

    desk.as(olga).presses("Take").expectNotification("Taking ticket " + id + "…")
        .expectReply("Ticket " + id + " is taken by Olga: write here to answer Erin.");
    bot.advance(Duration.ofMinutes(30));
    desk.expectNoMoreReplies();
  }

  @Test
  void aTicketWithoutMessagesFor24HoursClosesItselfAndTellsTheUser() {
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
    TestUser hal = bot.user("Hal").starts().expectAnyReply();
    String id = ask(hal, desk, "Why was I charged twice?");

    hal.pressesForged("desk:take:" + id).expectNotification("Tickets are handled only in the operators' chat.");
    hal.pressesForged("desk:close:" + id).expectNotification("Tickets are handled only in the operators' chat.");
    desk.expectNoMoreReplies();
    assertEquals("ticket", bot.session("ticket:" + id).scene().orElseThrow());
  }

  @Test
  void aForgedRatingOfAnotherUsersTicketOrWithTextInItReachesNoOperator() {
    TestUser lea = bot.user("Lea");
    TestUser max = bot.user("Max").starts().expectAnyReply();
    String id = ask(lea, desk, "Where is the shop?");

    max.pressesForged("rating:" + id + ":1").expectNotification("That rating is not for one of your tickets.");
    max.pressesForged("rating:Visit scam.example now:5")
        .expectNotification("That rating is not for one of your tickets.");
    desk.expectNoMoreReplies();
  }

  @Test
  void anOperatorReplyingToAClosedTicketIsToldNothingWasSent() {
    TestUser ivy = bot.user("Ivy");
    String id = ask(ivy, desk, "Can I return shoes?");
    String post = desk.lastReply().text();
    desk.as(oleg).presses("Take").expectNotification("Taking ticket " + id + "…").expectReplyContaining("is taken by Oleg");
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
    TestUser jon = bot.user("Jon");
    String id = ask(jon, desk, "How do I unsubscribe?");
    String post = desk.lastReply().text();
    jon.blocksBot();

    desk.as(olga).repliesTo(post, "Settings, then Notifications.");
    desk.expectReply("Ticket " + id + " is closed: Jon blocked the bot, so answers cannot reach them.");
    desk.as(olga).sends("/open").expectReply("No open tickets.");
    assertFalse(bot.session("ticket:" + id).scene().isPresent(), "the ticket closed");
    assertFalse(bot.session(jon).scene().isPresent(), "Jon left the ticket, so what he writes later is not "
        + "sent to a closed ticket");
  }

  @Test
  void anAnswerRefusedBecauseTheUserIsGoneClosesTheTicketAndOperatorsAreToldTheyBlockedTheBot() {
    TestUser jon = bot.user("Jon");
    String id = answeredButRefused(jon, "How do I unsubscribe?", 403, "chat.denied", "User blocked the bot");

    closedAsUnreachable(jon, id);
    desk.as(olga).sends("/open").expectReply("No open tickets.");
    jon.expectNoMoreReplies();
  }

  @Test
  void anAnswerRefusedBecauseTheBotsOwnTokenWasRefusedKeepsTheTicketOpenAndSaysSo() {
    TestUser kim = bot.user("Kim");
    String id = answeredButRefused(kim, "Is my order shipped?", 403, "verify.token", "Invalid access_token");

    desk.expectReply("Ticket " + id + ": the answer to Kim was not delivered, the Bot API refused it "
        + "(403 verify.token: Invalid access_token). The ticket stays open: write again to answer.");
    bot.awaitIdle();
    assertTrue(bot.session("ticket:" + id).scene().isPresent(), "the ticket is still open");
    assertTrue(bot.session(kim).scene().isPresent(), "Kim still writes to her ticket");
  }

  @Test
  void anAnswerRefusedForAnotherReasonKeepsTheTicketOpenTellsTheOperatorsWhyAndALaterAnswerArrives() {
    TestUser bob = bot.user("Bob");
    double answered = answeredTickets();
    String id = answeredButRefused(bob, "Can I send you my receipt?", 400, "proto.payload",
        "Unknown attachment type: 'sticker'");

    desk.expectReply("Ticket " + id + ": the answer to Bob was not delivered, the Bot API refused it "
        + "(400 proto.payload: Unknown attachment type: 'sticker'). The ticket stays open: write again to answer.");
    bot.awaitIdle();
    assertEquals(answered, answeredTickets(), "an answer that reached nobody is no ticket-answered mark");
    assertTrue(bot.session("ticket:" + id).scene().isPresent(), "the ticket is still open");
    assertTrue(bot.session(bob).scene().isPresent(), "Bob still writes to his ticket");
    desk.as(olga).sends("/open").expectReply("1 open ticket:\n" + id + " from Bob: taken by Olga");

    desk.as(olga).sends("Yes, attach it here, please.");
    bob.expectReply("Olga (support): Yes, attach it here, please.").expectNoMoreReplies();
    bot.awaitIdle();
    assertEquals(answered + 1, answeredTickets(), "the answer that reached Bob is");
    bob.sends("Here it is.");
    desk.expectReply("Ticket " + id + ", Bob adds:\n\nHere it is.");
    desk.expectNoMoreReplies();
  }

  @Test
  void anAnswerRefusedWithoutAnExplanationTellsTheOperatorsOnlyWhatTheApiSaid() {
    TestUser bob = bot.user("Bob");
    String id = answeredButRefused(bob, "Can I send a sticker?", 400, "proto.payload", "");

    desk.expectReply("Ticket " + id + ": the answer to Bob was not delivered, the Bot API refused it "
        + "(400 proto.payload). The ticket stays open: write again to answer.");
  }

  @Test
  void anAnswerRefusedBecauseTheDialogIsGoneClosesTheTicketToo() {
    TestUser jon = bot.user("Jon");
    String id = answeredButRefused(jon, "Where is my order?", 404, "not.found", "Chat not found");

    closedAsUnreachable(jon, id);
  }

  /** Ticket {@code id} closed because {@code user} cannot be reached, the operators were told, and the user left it. */
  private void closedAsUnreachable(TestUser user, String id) {
    desk.expectReply("Ticket " + id + " is closed: " + user.name() + " blocked the bot, so answers cannot reach them.");
    assertFalse(bot.session("ticket:" + id).scene().isPresent(), "the ticket closed");
    assertFalse(bot.session(user).scene().isPresent(), user.name() + " left the closed ticket");
  }

  @Test
  void aLongRefusalReasonCutWhereAnEmojiStandsStillReachesTheOperatorsWithoutHalfOfIt() {
    TestUser bob = bot.user("Bob");
    String cutAt = "a".repeat(299);
    String id = answeredButRefused(bob, "Can I send you a sticker?", 400, "proto.payload",
        cutAt + "\uD83D\uDE00 and more");

    desk.expectReply("Ticket " + id + ": the answer to Bob was not delivered, the Bot API refused it "
        + "(400 proto.payload: " + cutAt + "…). The ticket stays open: write again to answer.");
    desk.as(olga).sends("Send it here.");
    bob.expectReply("Olga (support): Send it here.").expectNoMoreReplies();
  }

  @Test
  void aMessageWrittenBetweenCloseAndTheRatingOpensANewTicketTheOperatorsSee() {
    TestUser carol = bot.user("Carol");
    String id = ask(carol, desk, "Can I pay by card?");
    String next = "SUP-" + carol.emulated().userId() + "-2";
    desk.as(olga).presses("Close").expectNotification("Closing ticket " + id + ".")
        .expectReply("Ticket " + id + " is closed by Olga.");
    String rating = "Ticket " + id + " is closed. How did we do? Rate the answer from 1 to 5:";
    carol.expectReply(rating);

    carol.sends("Wait, the card was refused!").expectReply("Ticket " + id + " is already closed, so your "
        + "message opened a new ticket " + next + ". An operator will answer here; anything you write now "
        + "is added to it.");
    desk.expectReplyContaining("Ticket " + next + " from Carol").expectNoMoreReplies();
    assertTrue(desk.lastReply().text().endsWith("\n\nWait, the card was refused!"), desk.lastReply().text());
    carol.pressesUnder(rating, "5").expectEdit("Thank you! You rated ticket " + id + ": 5 of 5.");
    desk.expectReply("Carol rated ticket " + id + ": 5 of 5.");
    carol.sends("It is a Visa.");
    desk.expectReply("Ticket " + next + ", Carol adds:\n\nIt is a Visa.").expectNoMoreReplies();
    assertEquals(Optional.of("open"), bot.session(carol).step(), "the rating left Carol in her new ticket");
  }

  @Test
  void aRatingEndsTheClosedStepSoLaterTextIsAnFaqQuestionAgain() {
    TestUser ned = bot.user("Ned");
    String id = ask(ned, desk, "Can I pay by card?");
    desk.as(olga).presses("Close").expectNotification("Closing ticket " + id + ".").expectAnyReply();
    ned.expectReplyContaining("is closed. How did we do?").presses("3").expectEdit("Thank you! You rated "
        + "ticket " + id + ": 3 of 5.");
    desk.expectReply("Ned rated ticket " + id + ": 3 of 5.");
    assertEquals(Optional.empty(), bot.session(ned).scene());

    ned.sends("forgot password").expectReply(r -> assertEquals("I forgot my password", r.buttons().get(0)));
    desk.expectNoMoreReplies();
  }

  @Test
  void anUnratedClosedTicketLetsTheUserGoAfterFifteenMinutes() {
    TestUser uma = bot.user("Uma");
    String id = ask(uma, desk, "Can I pay by card?");
    desk.as(olga).presses("Close").expectNotification("Closing ticket " + id + ".").expectAnyReply();
    uma.expectReplyContaining("is closed. How did we do?");

    bot.advance(SupportScene.IDLE);
    assertEquals(Optional.empty(), bot.session(uma).scene(), "no rating within 15 minutes: back at the root");
    uma.expectNoMoreReplies();
    desk.expectNoMoreReplies();
  }

  @Test
  void closingAnOlderTicketLeavesTheUserWritingToTheirNewerOpenOne() {
    TestUser gus = bot.user("Gus");
    String first = ask(gus, desk, "Is delivery free?");
    String firstPost = desk.lastReply().text();
    gus.sends("/cancel").expectReply("Cancelled; your ticket draft was discarded.");
    String second = ask(gus, desk, "Can I change my address?");

    desk.as(olga).pressesUnder(firstPost, "Close").expectNotification("Closing ticket " + first + ".")
        .expectReply("Ticket " + first + " is closed by Olga.");
    gus.expectReplyContaining("Ticket " + first + " is closed. How did we do?");
    gus.sends("The new one is 5 Main St.").expectNoMoreReplies();
    desk.expectReply("Ticket " + second + ", Gus adds:\n\nThe new one is 5 Main St.").expectNoMoreReplies();
    assertEquals(Optional.of("open"), bot.session(gus).step(), "Gus still writes to " + second);
  }

  @Test
  void anOlderTicketExpiringLeavesTheUserWritingToTheirNewerOpenOne() {
    TestUser hal = bot.user("Hal");
    String first = ask(hal, desk, "Is delivery free?");
    desk.as(olga).presses("Take").expectNotification("Taking ticket " + first + "…").expectAnyReply();
    hal.sends("/cancel").expectReply("Cancelled; your ticket draft was discarded.");
    bot.advance(Duration.ofHours(12));
    String second = ask(hal, desk, "Can I change my address?");
    desk.as(olga).pressesUnder(desk.lastReply().text(), "Take").expectNotification("Taking ticket " + second + "…")
        .expectAnyReply();

    bot.advance(Duration.ofHours(12).plusMinutes(1));
    desk.expectReply("Ticket " + first + " closed itself after 24 hours without a message.");
    hal.expectReplyContaining("Ticket " + first + " closed after 24 hours");
    hal.sends("The new one is 5 Main St.").expectNoMoreReplies();
    desk.expectReply("Ticket " + second + ", Hal adds:\n\nThe new one is 5 Main St.").expectNoMoreReplies();
  }

  @Test
  void aFollowUpRacingTheCloseReachesTheOperatorsAndTheUserIsToldWhere() {
    TestUser vic = bot.user("Vic");
    String id = ask(vic, desk, "Is the warranty two years?");
    String next = "SUP-" + vic.emulated().userId() + "-2";

    desk.as(olga).presses("Close");
    // No wait for the Close to settle: the follow-up meets the ticket while it is closing.
    vic.emulated().sendText("And does it cover the battery?");
    bot.awaitIdle();

    List<String> posted = desk.emulated().messages().stream().map(m -> String.valueOf(m.text())).toList();
    boolean joined = posted.contains("Ticket " + id + ", Vic adds:\n\nAnd does it cover the battery?");
    boolean reopened = posted.stream().anyMatch(text -> text.startsWith("Ticket " + next + " from Vic")
        && text.endsWith("\n\nAnd does it cover the battery?"));
    assertTrue(joined ^ reopened, "the follow-up reached the operators exactly once: " + posted);
    List<String> told = vic.emulated().messages().stream().map(m -> String.valueOf(m.text())).toList();
    assertTrue(joined || told.stream().anyMatch(text -> text.startsWith("Ticket " + id + " is already closed, "
        + "so your message opened a new ticket " + next + ".")), "Vic was told of the new ticket: " + told);
  }

  @Test
  void takeOnAClosedTicketsOldPostTellsTheOperatorItIsClosedAndKeepsTheTicketTheyHeld() {
    TestUser wes = bot.user("Wes");
    TestUser kai = bot.user("Kai");
    String id = ask(wes, desk, "Where is my refund?");
    String post = desk.lastReply().text();
    desk.as(olga).presses("Close").expectNotification("Closing ticket " + id + ".")
        .expectReply("Ticket " + id + " is closed by Olga.");
    wes.expectReplyContaining("is closed. How did we do?");
    String kais = ask(kai, desk, "Is the shop open today?");
    desk.as(oleg).presses("Take").expectNotification("Taking ticket " + kais + "…").expectReplyContaining("is taken by Oleg");

    desk.as(oleg).pressesUnder(post, "Take").expectNotification("Taking ticket " + id + "…")
        .expectReply("Oleg: ticket " + id + " is closed; nothing changed.").expectNoMoreReplies();
    assertFalse(bot.session("ticket:" + id).scene().isPresent(), "the ticket stays closed");
    desk.as(oleg).sends("Yes, until 8 pm.");
    kai.expectReply("Oleg (support): Yes, until 8 pm.");
    desk.as(oleg).sends("/open").expectReply("1 open ticket:\n" + kais + " from Kai: taken by Oleg")
        .expectNoMoreReplies();
    wes.expectNoMoreReplies();
  }

  @Test
  void openListsTicketsOldestFirstNotByTheirIdsAsText() {
    TestUser yan = bot.user("Yan");
    TestUser zoe = bot.user("Zoe");
    for (int n = 1; n <= 9; n++) {
      // Yan's earlier tickets, closed: his next one is SUP-<yan>-10.
      String id = ask(yan, desk, "Question number " + n);
      desk.as(olga).presses("Close").expectNotification("Closing ticket " + id + ".").expectAnyReply();
      yan.expectReplyContaining("is closed. How did we do?");
    }
    String zoes = ask(zoe, desk, "Zoe asks first");
    bot.advance(Duration.ofMinutes(1));
    String yans = ask(yan, desk, "Yan asks a minute later");
    assertEquals("SUP-" + yan.emulated().userId() + "-10", yans);
    assertTrue(yans.compareTo(zoes) < 0, "as text, Yan's id comes first: " + yans + " " + zoes);
    desk.as(olga).pressesUnder(desk.lastReply().text(), "Take").expectNotification("Taking ticket " + yans + "…")
        .expectAnyReply();

    desk.as(olga).sends("/open").expectReply("2 open tickets:\n" + zoes + " from Zoe: waiting\n"
        + yans + " from Yan: taken by Olga");
  }

  @Test
  void aRussianUsersTicketIsInRussianFromThePromptToTheRatingWithPluralsRight() {
    TestUser petr = bot.user("Пётр", "ru");
    String id = "SUP-" + petr.emulated().userId() + "-1";

    petr.sends("/support").expectReply("Опишите проблему одним сообщением; можно приложить фото или файлы. "
        + "Отправьте /cancel, чтобы отменить.")
        .sends("я".repeat(3001)).expectReply("Здесь 3001 символ; пожалуйста, уложитесь в 3000 (при "
            + "необходимости отправьте по частям).")
        .sends("Где мой заказ?").expectReply("Обращение " + id + " открыто. Оператор ответит здесь; всё, что "
            + "вы напишете сейчас, будет добавлено к нему.")
        .sends("/support").expectReply("Обращение " + id + " ещё открыто: просто напишите здесь, и это будет "
            + "добавлено к нему.");
    desk.expectReply("Ticket " + id + " from Пётр (campaign: none, locale: ru)\n\nГде мой заказ?")
        .expectKeyboard("Take", "Close");
    desk.as(olga).repliesTo(desk.lastReply().text(), "Завтра.");
    petr.expectReply("Olga (поддержка): Завтра.");

    desk.as(olga).presses("Close").expectNotification("Closing ticket " + id + ".").expectAnyReply();
    petr.expectReply("Обращение " + id + " закрыто. Как мы справились? Оцените ответ от 1 до 5:")
        .expectKeyboard("1", "2", "3", "4", "5")
        .presses("5").expectEdit("Спасибо! Вы оценили обращение " + id + ": 5 из 5.");
    desk.expectReply("Пётр rated ticket " + id + ": 5 of 5.");

    String second = ask(petr, desk, "А подарочная упаковка есть?");
    bot.advance(Duration.ofHours(24));
    petr.expectReply("Обращение " + second + " закрыто: 24 часа без сообщений. Отправьте /support, чтобы "
        + "спросить снова.");
    petr.sends("/support").expectAnyReply();
    bot.advance(SupportScene.IDLE);
    petr.expectReply("Ваш вопрос отменён: 15 минут без ответа. Отправьте /support, чтобы начать снова.");
  }

  @Test
  void anOperatorsPhotoReachesTheUserWithTheAnswerAndAPhotoAloneToo() {
    TestUser xia = bot.user("Xia");
    String id = ask(xia, desk, "Which label do I print for the return?");
    take(desk, olga, id);

    desk.as(olga).sendsPhoto("This one, on the box.");
    String token = lastPhotoToken(desk);
    xia.expectReply(r -> {
      assertEquals("Olga (support): This one, on the box.", r.text());
      assertEquals(1, r.message().attachments().size(), r.toString());
      assertEquals("image", r.message().attachments().get(0).path("type").asText());
      assertEquals(token, r.message().attachments().get(0).path("payload").path("token").asText());
    });
    desk.as(olga).sendsPhoto("");
    xia.expectReply(r -> {
      assertEquals("Olga (support):", r.text());
      assertEquals(lastPhotoToken(desk), r.message().attachments().get(0).path("payload").path("token").asText());
    }).expectNoMoreReplies();
    desk.expectNoMoreReplies();
  }

  @Test
  void anOperatorsContactReachesTheUserAsTheSameContactCard() {
    TestUser yul = bot.user("Yul");
    String id = ask(yul, desk, "Can someone call me?");
    take(desk, olga, id);

    desk.as(olga).sharesContact("+79990001122");
    yul.expectReply(r -> {
      assertEquals("Olga (support):", r.text());
      assertEquals(1, r.message().attachments().size(), r.toString());
      JsonNode contact = r.message().attachments().get(0);
      assertEquals("contact", contact.path("type").asText(), r.toString());
      assertTrue(contact.path("payload").path("vcf_info").asText().contains("TEL;TYPE=cell:+79990001122"), r.toString());
      assertEquals(olga.emulated().userId(), contact.path("payload").path("tam_info").path("user_id").asLong());
    }).expectNoMoreReplies();
    desk.expectNoMoreReplies();
    assertEquals(1.0, answeredTickets());
  }

  @Test
  void anOperatorsSharedLinkReachesTheUserWithItsPreview() {
    TestUser vic = bot.user("Vic");
    String id = ask(vic, desk, "Where are the return rules?");
    take(desk, olga, id);

    desk.as(olga).sharesLink("https://shop.example/returns");
    vic.expectReply(r -> {
      assertEquals("Olga (support): https://shop.example/returns", r.text());
      assertEquals(1, r.message().attachments().size(), r.toString());
      assertEquals("share", r.message().attachments().get(0).path("type").asText(), r.toString());
      assertEquals("https://shop.example/returns", r.message().attachments().get(0).path("payload").path("url")
          .asText());
    }).expectNoMoreReplies();
    desk.expectNoMoreReplies();
  }

  @Test
  void aUsersContactAndLocationReachTheOperatorsWithTheirOwnMessageForwarded() {
    TestUser una = bot.user("Una");
    una.sends("/support").expectReplyContaining("/cancel").sharesContact("+79990003344").expectReplyContaining(" is open.");
    String id = una.lastReply().text().split(" ")[1];
    desk.expectReply(r -> {
      assertEquals("Ticket " + id + " from Una (campaign: none, locale: en)", r.text());
      JsonNode link = r.message().json().path("link");
      assertEquals("forward", link.path("type").asText(), r.toString());
      assertEquals("contact", link.path("message").path("attachments").path(0).path("type").asText(), r.toString());
    });
    una.sharesLocation(59.93, 30.31);
    desk.expectReply(r -> {
      assertEquals("Ticket " + id + ", Una adds:", r.text());
      JsonNode link = r.message().json().path("link");
      assertEquals("location", link.path("message").path("attachments").path(0).path("type").asText(), r.toString());
    }).expectNoMoreReplies();
  }

  /** The token of the newest photo a member posted in {@code chat}. */
  private static String lastPhotoToken(TestChat chat) {
    List<io.ttscenes.testkit.BotMessage> all = chat.emulated().messages();
    for (int i = all.size() - 1; i >= 0; i--) {
      for (var attachment : all.get(i).attachments()) {
        if (attachment.path("type").asText().equals("image")) {
          return attachment.path("payload").path("token").asText();
        }
      }
    }
    throw new AssertionError("no photo in " + chat.title());
  }

  private double answeredTickets() {
    return bot.meters().find("ttscenes.milestones").tag("milestone", SupportDesk.TICKET_ANSWERED)
        .counters().stream().mapToDouble(Counter::count).sum();
  }

  /**
   * {@code user} asks {@code question}, Olga takes the ticket and answers it, and TamTam refuses
   * that answer for good with {@code status}, {@code code} and {@code message}; returns the ticket's id.
   */
  private String answeredButRefused(TestUser user, String question, int status, String code, String message) {
    String id = ask(user, desk, question);
    take(desk, olga, id);
    bot.faults().refuse("/messages", 1, status, code, message);
    desk.as(olga).sends("Here is how.");
    return id;
  }

  /** {@code operator} presses Take on ticket {@code id}'s newest post and the chat confirms it. */
  private static void take(TestChat desk, TestUser operator, String id) {
    desk.as(operator).presses("Take").expectNotification("Taking ticket " + id + "…")
        .expectReplyContaining("is taken by " + operator.name());
  }

  /** {@code user} asks {@code question}; returns the ticket's id once its post is in the chat. */
  static String ask(TestUser user, TestChat desk, String question) {
    user.sends("/support").expectReplyContaining("/cancel").sends(question)
        .expectReplyContaining("SUP-");
    String id = user.lastReply().text().split(" ")[1];
    desk.expectReplyContaining("Ticket " + id + " from " + user.name());
    return id;
  }
}
