package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

/** A bot that greets group members: membership updates, titles and per-user sessions in a chat. */
final class GreeterKitTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(GreeterBot.create());

  @Test
  void greetsEveryoneWhoJoinsAndSaysGoodbyeToWhoeverGoes() {
    TestUser alice = bot.user("Alice");
    TestUser bob = bot.user("Bob");
    TestUser carol = bot.user("Carol");

    TestChat team = bot.groupChat("Team", alice, bob)
        .expectReply("Hi everyone! Alice brought me here.");
    team.add(carol).expectReply("Welcome, Carol!")
        .remove(bob).expectReply("Bye, Bob.");
    carol.in(team).leaves().expectReply("Bye, Carol.");
    // One at a time: Carol's and Bob's updates have sessions of their own, handled in parallel,
    // so the order of two welcomes sent at once is not fixed.
    team.add(carol).expectReply("Welcome, Carol!")
        .add(bob).expectReply("Welcome, Bob!")
        .rename("Dream team").expectReply("New title: Dream team")
        .expectNoMoreReplies();

    assertEquals("Dream team", team.title());
  }

  @Test
  void eachUserHasASessionPerChatApartFromTheirDialog() {
    TestUser dave = bot.user("Dave");
    TestUser erin = bot.user("Erin");
    TestChat club = bot.groupChat("Club", dave, erin).expectAnyReply();

    club.as(dave).sends("/hello").expectReply("Hello, Dave! (1)");
    dave.sends("/hello").expectReply("Hello, Dave! (1)");
    club.as(dave).sends("/hello").expectReply("Hello, Dave! (2)");
    club.as(erin).sends("/hello").expectReply("Hello, Erin! (1)").expectNoMoreReplies();

    assertEquals(new GreeterBot.Greetings(2), bot.session(dave, club).sessionData(GreeterBot.Greetings.class));
    assertEquals(new GreeterBot.Greetings(1), bot.session(dave).sessionData(GreeterBot.Greetings.class));
    assertNotEquals(bot.sessionKey(dave, club), bot.sessionKey(erin, club));
  }

  @Test
  void failuresNameTheChatAndWhatTheBotDidPost() {
    TestUser frank = bot.user("Frank");
    TestUser grace = bot.user("Grace");
    TestChat lab = bot.groupChat("Lab", frank);

    AssertionFailedError wrong = assertThrows(AssertionFailedError.class, () -> lab.expectReply("Hello!"));
    AssertionError noKeyboard = assertThrows(AssertionError.class, () -> lab.as(frank).presses("Yes"));
    IllegalArgumentException outsider = assertThrows(IllegalArgumentException.class,
        () -> lab.as(grace).sends("/hello"));

    assertEquals("chat \"Lab\" expected the reply \"Hello!\" but got \"Hi everyone! Frank brought me here.\"",
        wrong.getMessage());
    assertEquals("Frank cannot press \"Yes\" in Lab: the bot has posted no keyboard there", noKeyboard.getMessage());
    assertEquals("Grace is not a member of Lab", outsider.getMessage());
  }
}
