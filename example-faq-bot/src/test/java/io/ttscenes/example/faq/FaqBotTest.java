package io.ttscenes.example.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestUser;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class FaqBotTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(FaqBot.create());

  @Test
  void deepLinkGreetsWithTheMenuAndRemembersTheCampaign() {
    TestUser alice = bot.user("Alice");

    alice.startsWithLink("promo42")
        .expectReply("Hello, Alice! I answer common questions and pass yours to our support team. "
            + "Send /help to see what I can do.")
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
            + "after we receive the parcel.")
        .expectStyled("strong", "5-7 business days")
        .expectKeyboard("« Payments and refunds", "Still need help? Contact support")
        .presses("« Payments and refunds")
        .expectEdit("Payments and refunds\nPick a question:")
        .presses("« All topics")
        .expectEdit(r -> assertEquals(menu, r.mid()))
        .expectNoMoreReplies();
    assertEquals(1, bob.emulated().messages().stream()
        .filter(m -> m.json().path("sender").path("is_bot").asBoolean()).count());
  }

  @Test
  void withoutAnOperatorsChatSupportSaysSoAndLeavesNothingOpen() {
    TestUser carol = bot.user("Carol");
    carol.starts().expectAnyReply().presses("Contact support")
        .expectNotification("Let's write to our support team")
        .expectReply("Sorry, this bot has no support team set up (no operators' chat), so it cannot "
            + "take questions. Try /faq.")
        .expectNoMoreReplies();
    assertEquals(Optional.empty(), bot.session(carol).scene());
    carol.sends("/cancel").expectReply("There is nothing to cancel.");
  }

  @Test
  void helpListsTheCommandsInBold() {
    bot.user("Grace").sends("/help")
        .expectReply("What I can do\n/faq - browse answers to common questions\n"
            + "/support - write to our support team\n/cancel - drop what you are doing\n/help - this message")
        .expectStyled("strong", "What I can do");
  }
}
