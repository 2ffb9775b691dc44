package io.ttscenes.example.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class FaqBotTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(FaqBot.create());

  @Test
  void deepLinkGreetsWithTheMenuAndRemembersTheCampaign() {
    TestUser alice = bot.user("Alice");

    alice.startsWithLink("ref_promo42")
        .expectReply("Hello, Alice! I answer common questions and pass yours to our support team. "
            + "Ask me anything, or send /help to see what I can do.")
        .expectKeyboard("Browse FAQ", "Contact support")
        .expectNoMoreReplies();

    assertEquals(new Profile("promo42", 0), bot.session(alice).sessionData(Profile.class));
  }

  @Test
  void browsingTheFaqEditsOneMessageInPlace() {
    TestUser bob = bot.user("Bob").starts().expectAnyReply();
    String menu = bob.lastReply().mid();

    bob.presses("Browse FAQ")
        .expectEdit("Frequently asked questions\nPick a topic:")
        .expectStyled("strong", "Frequently asked questions")
        .expectKeyboard("Orders and delivery", "Payments and refunds", "Account", "« Menu")
        .presses("Payments and refunds")
        .expectEdit("Payments and refunds\nPick a question:")
        .expectKeyboard("Which cards do you accept?", "How long does a refund take?", "« All topics")
        .presses("How long does a refund take?")
        .expectEdit("How long does a refund take?\n\nRefunds reach your card in 5-7 business days "
            + "after we receive the parcel.\n\nWas this helpful?")
        .expectStyled("strong", "5-7 business days")
        .expectKeyboard("Yes", "No", "« Payments and refunds")
        .presses("« Payments and refunds")
        .expectEdit("Payments and refunds\nPick a question:")
        .presses("« All topics")
        .expectEdit(r -> assertEquals(menu, r.mid()))
        .expectNoMoreReplies();
    assertEquals(1, bob.emulated().messages().stream()
        .filter(m -> m.json().path("sender").path("is_bot").asBoolean()).count());
  }

  @Test
  void supportWizardWithContactOpensATicket() {
    TestUser carol = bot.user("Carol");
    carol.startsWithLink("ref_spring-sale").expectAnyReply()
        .presses("Contact support")
        .expectNotification("Let's write to our support team")
        .expectReply("Please describe your problem in one message. Send /cancel to stop.");
    assertEquals(Optional.of("support"), bot.session(carol).scene());

    carol.sends("My *order* #12 [arrived] broken_")
        .expectReply("How should our team reach you?")
        .expectKeyboard("Share my phone number", "Answer me here in the chat")
        .presses("Share my phone number")
        .expectReply(r -> assertEquals(List.of(
            "Ticket SUP-" + carol.emulated().userId() + "-1 is open.",
            "Your question: My *order* #12 [arrived] broken_",
            "We will call you at +10000000000.",
            "Source: spring-sale"), List.of(r.text().split("\n"))))
        .expectStyled("strong", "Ticket SUP-" + carol.emulated().userId() + "-1 is open.")
        .expectNoMoreReplies();

    assertEquals(Optional.empty(), bot.session(carol).scene());
    assertEquals(new Profile("spring-sale", 1), bot.session(carol).sessionData(Profile.class));
  }

  @Test
  void supportWizardCanAnswerInTheChatInstead() {
    TestUser dave = bot.user("Dave");
    dave.sends("/support").expectReply("Please describe your problem in one message. Send /cancel to stop.")
        .sends("Where is the invoice?").expectReply("How should our team reach you?")
        .sends("call me maybe").expectReply("Please use one of the buttons above, or /cancel.")
        .presses("Answer me here in the chat")
        .expectNotification("We will answer in this chat")
        .expectReply("Ticket SUP-" + dave.emulated().userId() + "-1 is open.\n"
            + "Your question: Where is the invoice?\nWe will answer here in this chat.")
        .sends("/support").expectAnyReply()
        .sends("Second question").expectAnyReply()
        .presses("Answer me here in the chat").expectNotification("We will answer in this chat")
        .expectReplyContaining("Ticket SUP-" + dave.emulated().userId() + "-2 is open.");
  }

  @Test
  void cancelDropsTheDraftFromAnyStep() {
    TestUser erin = bot.user("Erin");
    erin.sends("/cancel").expectReply("There is nothing to cancel.")
        .sends("/support").expectAnyReply()
        .sends("My parcel is late").expectReply("How should our team reach you?")
        .sends("/cancel").expectReply("Cancelled; your ticket draft was discarded.")
        .sendsSticker().expectReply("Sorry, I did not understand that. Type your question, pick an option "
            + "or send /help.")
        .expectKeyboard("Browse FAQ", "Contact support")
        .expectNoMoreReplies();
    assertEquals(Optional.empty(), bot.session(erin).scene());
  }

  @Test
  void idleDraftIsDroppedAfterTheTimeoutAndTheUserIsTold() {
    TestUser frank = bot.user("Frank");
    frank.sends("/support").expectAnyReply().sends("Refund please").expectAnyReply();

    bot.advance(SupportScene.IDLE.minusMinutes(1));
    frank.expectNoMoreReplies();

    bot.advance(Duration.ofMinutes(1));
    frank.expectReply("Your ticket draft was dropped after 15 minutes without an answer. "
        + "Send /support to start again.").expectNoMoreReplies();
    assertEquals(Optional.empty(), bot.session(frank).scene());
  }

  @Test
  void helpListsTheCommandsInBold() {
    bot.user("Grace").sends("/help")
        .expectReply("What I can do\nType a question and I look it up in the FAQ\n"
            + "/faq - browse answers to common questions\n"
            + "/support - write to our support team\n/cancel - drop what you are doing\n/help - this message")
        .expectStyled("strong", "What I can do");
  }

  @Test
  void faqCommandSendsTheTopicsAndFaqButtonsWorkInsideTheWizard() {
    TestUser heidi = bot.user("Heidi");
    heidi.sends("/support").expectAnyReply()
        .sends("/faq").expectReply("Frequently asked questions\nPick a topic:")
        .presses("Account").expectEdit("Account\nPick a question:")
        .sends("My account is locked").expectReply("How should our team reach you?");
    assertEquals(Optional.of("contact"), bot.session(heidi).step());
  }
}
