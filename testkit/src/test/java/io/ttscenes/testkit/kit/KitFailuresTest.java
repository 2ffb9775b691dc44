package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

/** The kit's failures say what the user saw, quickly, without waiting for the safety timeout. */
final class KitFailuresTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(SurveyBot.create());

  @Test
  void pressingAMissingButtonListsTheButtonsThere() {
    TestUser alice = bot.user("alice").sends("/survey").expectReply("Do you like tea?");

    AssertionError error = assertThrows(AssertionError.class, () -> alice.presses("Maybe"));

    assertEquals("alice cannot press \"Maybe\": the last keyboard (under \"Do you like tea?\") has "
        + "the buttons [[Yes, No]]", error.getMessage());
  }

  @Test
  void pressingBeforeAnyKeyboardSaysSo() {
    TestUser bob = bot.user("bob");

    AssertionError error = assertThrows(AssertionError.class, () -> bob.presses("Yes"));

    assertEquals("bob cannot press \"Yes\": the bot has not sent them any keyboard", error.getMessage());
  }

  @Test
  void wrongReplyTextShowsExpectedAndActual() {
    TestUser carol = bot.user("carol").sends("hello");

    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        () -> carol.expectReply("Hi!"));

    assertEquals("Hi!", error.getExpected().getValue());
    assertEquals("Send /survey to start.", error.getActual().getValue());
  }

  @Test
  void missingReplyFailsAsSoonAsTheBotIsIdle() {
    TestUser dave = bot.user("dave").sends("hello").expectReply("Send /survey to start.");

    AssertionError error = assertThrows(AssertionError.class, () -> dave.expectReply("more?"));

    assertEquals("dave expected a reply \"more?\" but the bot is idle and sent nothing of the kind",
        error.getMessage());
  }

  @Test
  void unexpectedExtraMessagesAreListed() {
    TestUser erin = bot.user("erin").sends("/survey").presses("Yes");

    erin.expectReply("Do you like tea?");
    AssertionError error = assertThrows(AssertionError.class, erin::expectNoMoreReplies);

    assertEquals("erin expected nothing more from the bot, but it also did: "
        + "[notification \"Noted\", reply \"Your favourite colour?\"]", error.getMessage());
  }

  @Test
  void keyboardMismatchShowsTheRows() {
    TestUser frank = bot.user("frank").sends("/survey").expectReply("Do you like tea?");

    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        () -> frank.expectKeyboard("Yes", "No", "Maybe"));

    assertEquals("frank expected the buttons [Yes, No, Maybe] under \"Do you like tea?\" but it has "
        + "[[Yes, No]]", error.getMessage());
  }

  @Test
  void sceneDataAtTheRootIsAClearFailure() {
    TestUser grace = bot.user("grace").sends("hi").expectAnyReply();

    AssertionError error = assertThrows(AssertionError.class,
        () -> bot.session(grace).data(SurveyBot.Answers.class));

    assertEquals("session " + bot.sessionKey(grace) + " is at the root; it has no scene data",
        error.getMessage());
  }

  @Test
  void theClockNeverGoesBack() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> bot.advance(Duration.ofSeconds(-1)));

    assertEquals("duration is PT-1S; the clock only moves forward", error.getMessage());
  }
}
