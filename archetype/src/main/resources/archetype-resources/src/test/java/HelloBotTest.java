package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bot runs as in production (runtime, long polling, real HTTP) against the local emulator. */
final class HelloBotTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(HelloBot.create());

  @Test
  void introAsksNameAndMoodThenRemembersThem() {
    TestUser alice = bot.user("Alice");

    alice.starts().expectReply("Hi! What is your name?");
    alice.sends("Alice").expectReply("How are you, Alice?").expectKeyboard("Great", "So-so");
    alice.presses("Great").expectNotification("Noted")
        .expectReply("Nice to meet you, Alice! Send /me to see what I remember.");
    alice.sends("/me").expectReply("You are Alice and you feel great.").expectNoMoreReplies();

    assertEquals(new HelloBot.Profile("Alice", "great"), bot.session(alice).sessionData(HelloBot.Profile.class));
  }

  @Test
  void strangerIsToldHowToStart() {
    bot.user("Bob").sends("/me").expectReply("I do not know you yet: send /start.");
  }
}
