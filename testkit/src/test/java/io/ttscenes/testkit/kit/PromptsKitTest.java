package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class PromptsKitTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(SignupBot.create());

  @Test
  void everyPromptKindParsesItsAnswerAndHandsItOnTyped() {
    bot.user("alice").sends("/signup").expectReply("Your name?")
        .sends("Alice").expectReply("Your age?")
        .sends("200").expectReply("Please send a whole number from 1 to 120.")
        .sends("31").expectReply("Your e-mail?")
        .sends("alice@example.com").expectReply("Your phone?").expectKeyboard("Share my number")
        .presses("Share my number").expectReply("Plan?").expectKeyboard("Free", "Pro")
        .presses("Pro").expectReply("News by e-mail?").expectKeyboard("Yes", "No")
        .sends("no").expectReply("Birthday?")
        .sends("1800-01-01").expectReply("Please send a date such as 31.12.2026.")
        .sends("31.12.1990").expectReply("Height in m?")
        .sends("1,75").expectReply("Where are you?").expectKeyboard("Share my location")
        .presses("Share my location")
        .expectReply("Alice, 31, alice@example.com, +10000000000, Pro, news false, 1990-12-31, 1.75 m, at 55.7558,37.6173")
        .expectNoMoreReplies();
  }

  @Test
  void wrongEmailIsAskedAgainTwiceThenAccepted() {
    TestUser bob = toEmail("bob");
    bob.sends("bob at example").expectReply("That is not an e-mail. Your e-mail?")
        .sends("bob@localhost").expectReply("That is not an e-mail. Your e-mail?")
        .sends("bob@example.com").expectReply("Your phone?").expectNoMoreReplies();
    assertEquals("bob@example.com", bot.session(bob).data(SignupBot.Form.class).email());
  }

  @Test
  void stickerGetsTheRetryMessageAndTheSessionGoesOn() {
    TestUser carol = bot.user("carol").sends("/signup").expectReply("Your name?");
    carol.sendsSticker().expectReply("Please answer with text.").expectNoMoreReplies();
    assertEquals(Optional.of("name"), bot.session(carol).step());
    carol.sends("Carol").expectReply("Your age?");
  }

  @Test
  void editsAndCommandsDoNotCountAsAnswers() {
    TestUser dave = toEmail("dave");
    dave.sends("not an email").expectReply("That is not an e-mail. Your e-mail?")
        .editsLast("dave@example.com").expectNoMoreReplies();
    assertEquals(Optional.of("email"), bot.session(dave).step());
    dave.sends("/cancel").expectReply("Cancelled.");
    assertEquals(Optional.empty(), bot.session(dave).scene());
  }

  @Test
  void afterTheLastFailedAttemptThePromptGivesUpAndLeaves() {
    TestUser erin = toEmail("erin");
    erin.sends("a").expectReply("That is not an e-mail. Your e-mail?")
        .sends("b").expectReply("That is not an e-mail. Your e-mail?")
        .sends("c").expectReply("Three wrong e-mails; try /signup later.").expectNoMoreReplies();
    assertEquals(Optional.empty(), bot.session(erin).scene());
  }

  @Test
  void oldChoiceButtonsAreStaleOnceTheStepMovedOn() {
    TestUser fred = toEmail("fred").sends("fred@example.com").expectReply("Your phone?")
        .sends("+7 912 345-67-89").expectReply("Plan?");
    fred.presses("Free").expectReply("News by e-mail?");
    fred.pressesUnder("Plan?", "Pro").expectNotification("This button has expired.")
        .expectReply("News by e-mail?");
    assertEquals("Free", bot.session(fred).data(SignupBot.Form.class).plan());
  }

  private static TestUser toEmail(String name) {
    return bot.user(name).sends("/signup").expectReply("Your name?")
        .sends(name).expectReply("Your age?")
        .sends("40").expectReply("Your e-mail?");
  }
}
