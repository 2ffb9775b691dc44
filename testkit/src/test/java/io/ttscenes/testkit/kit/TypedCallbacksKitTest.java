package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class TypedCallbacksKitTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(QuizBot.create());

  @Test
  void typedButtonsCarryTheirRecordToTheStepHandler() {
    TestUser alice = bot.user("alice");
    alice.sends("/quiz").expectReply("Question 1").expectKeyboard("A", "B", "Back")
        .presses("B").expectNotification("Picked 1b").expectReply("Question 2")
        .presses("A").expectNotification("Picked 2a").expectReply("Question 3")
        .presses("A").expectNotification("Picked 3a").expectReply("Your picks: 1b, 2a, 3a")
        .expectNoMoreReplies();
    assertEquals(Optional.empty(), bot.session(alice).scene());
  }

  @Test
  void oldBackButtonPressedAtStepThreeIsStaleAndShowsTheCurrentStep() {
    TestUser bob = bot.user("bob");
    bob.sends("/quiz").expectReply("Question 1")
        .presses("A").expectNotification("Picked 1a").expectReply("Question 2")
        .presses("A").expectNotification("Picked 2a").expectReply("Question 3");

    bob.pressesUnder("Question 1", "Back")
        .expectNotification("This button has expired.")
        .expectReply("Question 3").expectKeyboard("A", "B", "Back")
        .expectNoMoreReplies();
    assertEquals(Optional.of("q3"), bot.session(bob).step());
    assertEquals(List.of("1a", "2a"), bot.session(bob).data(QuizBot.Picks.class).options());

    bob.presses("Back").expectReply("Question 2");
    assertEquals(Optional.of("q2"), bot.session(bob).step());
  }

  @Test
  void payloadThatDoesNotDecodeGetsTheExpiredAnswerAndTheSessionGoesOn() {
    TestUser carol = bot.user("carol");
    carol.sends("/quiz").expectReply("Question 1");

    carol.pressesForged("~pick.2.0:[1,")
        .expectNotification("This button has expired.").expectReply("Question 1");
    carol.pressesForged("~nosuchtag.1.0:[]")
        .expectNotification("This button has expired.").expectReply("Question 1");
    carol.pressesForged("~pick.1.1:[1,\"1a\"]")
        .expectNotification("This button has expired.").expectReply("Question 1")
        .expectNoMoreReplies();

    carol.presses("B").expectNotification("Picked 1b").expectReply("Question 2");
    assertEquals(List.of("1b"), bot.session(carol).data(QuizBot.Picks.class).options());
  }

  @Test
  void dataOverThePayloadLimitIsKeptInTheSessionBehindAShortId() {
    TestUser dave = bot.user("dave");
    dave.sends("/essay").expectReply("Long data");
    String payload = dave.lastReply().message().buttons().get(0).path("payload").asText();
    assertTrue(payload.length() < 32, "payload " + payload);

    dave.presses("Read").expectNotification("Essay of 3000");
  }
}
