package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class ConversationKitTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(SurveyBot.create());

  @Test
  void wholeSurveyWithDeepLinkButtonsTextAndContact() {
    TestUser alice = bot.user("alice");

    alice.startsWithLink("promo42")
        .expectReply("Do you like tea?").expectKeyboard("Yes", "No")
        .presses("Yes")
        .expectNotification("Noted")
        .expectReply("Your favourite colour?").expectNoKeyboard();
    SessionSnapshot midway = bot.session(alice);
    assertEquals(Optional.of("survey"), midway.scene());
    assertEquals(Optional.of("colour"), midway.step());
    assertEquals(new SurveyBot.Answers("promo42", "yes", null, false),
        midway.data(SurveyBot.Answers.class));

    alice.sends("*blue* & green")
        .expectReply("May we call you?").expectKeyboard("Share my number", "Skip")
        .presses("Share my number")
        .expectReply("Thanks! Tea: yes, colour: *blue* & green, we will call.")
        .expectStyled("strong", "*blue* & green")
        .expectNoMoreReplies();

    SessionSnapshot after = bot.session(alice);
    assertEquals(Optional.empty(), after.scene());
    assertEquals(new SurveyBot.Stats(1), after.sessionData(SurveyBot.Stats.class));
  }

  @Test
  void usersHaveSeparateConversations() {
    TestUser alice = bot.user("alice");
    TestUser bob = bot.user("bob");

    alice.sends("/survey").expectReply("Do you like tea?");
    bob.sends("hello").expectReply("Send /survey to start.");
    alice.presses("No").expectNotification("Noted").expectReply("Your favourite colour?");

    assertEquals(Optional.of("survey"), bot.session(alice).scene());
    assertEquals(Optional.empty(), bot.session(bob).scene());
    bob.expectNoMoreReplies();
    assertFalse(bot.sessionKey(alice).equals(bot.sessionKey(bob)));
  }

  @Test
  void sceneTimeoutFiresOnlyWhenTheClockPassesIt() {
    TestUser carol = bot.user("carol");
    carol.sends("/survey").expectReply("Do you like tea?");
    assertTrue(bot.session(carol).timeoutAt().isPresent());

    bot.advance(SurveyBot.TIMEOUT.minusSeconds(1));
    carol.expectNoMoreReplies();
    assertEquals(Optional.of("survey"), bot.session(carol).scene());

    bot.advance(Duration.ofSeconds(1));
    carol.expectReply("The survey timed out.").expectNoMoreReplies();
    assertEquals(Optional.empty(), bot.session(carol).scene());
  }

  @Test
  void timeoutsOfSeveralUsersFireInOneAdvance() {
    TestUser gina = bot.user("gina").sends("/survey").expectReply("Do you like tea?");
    TestUser hank = bot.user("hank").sends("/survey").expectReply("Do you like tea?");

    bot.advance(SurveyBot.TIMEOUT.plusMinutes(1));

    gina.expectReply("The survey timed out.").expectNoMoreReplies();
    hank.expectReply("The survey timed out.").expectNoMoreReplies();
  }

  @Test
  void globalCommandLeavesTheSceneFromAnyStep() {
    TestUser dave = bot.user("dave");
    dave.sends("/survey").expectReply("Do you like tea?")
        .presses("Yes").expectNotification("Noted").expectReply("Your favourite colour?")
        .sends("/cancel").expectReply("Cancelled.")
        .sends("red").expectReply("Send /survey to start.")
        .expectNoMoreReplies();
  }

  @Test
  void skipButtonAndLocationAreUnderstood() {
    TestUser erin = bot.user("erin");
    erin.sends("/survey").expectReply("Do you like tea?")
        .presses("No").expectNotification("Noted").expectReply("Your favourite colour?")
        .sends("grey").expectReply("May we call you?")
        .presses("Skip").expectReply("Thanks! Tea: no, colour: grey.")
        .sharesLocation(59.93, 30.31).expectReply("You are at 59.93,30.31");
  }

  @Test
  void expectationsTakeRepliesInOrderOfTheirKind() {
    TestUser frank = bot.user("frank");
    frank.sends("/survey").presses("Yes");

    frank.expectReply("Do you like tea?")
        .expectReply(reply -> assertEquals(List.of(), reply.buttons()))
        .expectNotification("Noted")
        .expectNoMoreReplies();
    assertEquals("Your favourite colour?", frank.lastReply().text());
  }
}
