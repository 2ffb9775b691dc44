package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A tester per test (non-static field): fault injection and restarts on one store. */
final class FaultsAndRestartTest {
  private final InMemorySessionStore store = InMemorySessionStore.create();

  @RegisterExtension
  final BotTester bot = BotTester.builder(SurveyBot.create()).store(store).build();

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void tooManyRequestsIsWaitedOutAndTheReplyArrivesOnce() {
    bot.faults().tooManyRequests("/messages", 2, Duration.ofSeconds(3));

    bot.user("alice").sends("hello").expectReply("Send /survey to start.").expectNoMoreReplies();

    assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3)), bot.apiWaits());
  }

  @Test
  void unavailableApiIsRetriedWithoutDuplicates() {
    TestUser bob = bot.user("bob").sends("/survey").expectReply("Do you like tea?");
    bot.faults().unavailable("/messages", 2).unavailable("/answers", 1);

    bob.presses("Yes").expectNotification("Noted").expectReply("Your favourite colour?")
        .expectNoMoreReplies();

    assertEquals(3, bot.apiWaits().size());
    assertEquals(2, bob.emulated().messages().stream()
        .filter(m -> m.json().path("sender").path("is_bot").asBoolean()).count());
  }

  @Test
  void restartOnTheSameStoreKeepsTheConversation() {
    TestUser carol = bot.user("carol").startsWithLink("spring")
        .expectReply("Do you like tea?").presses("Yes").expectNotification("Noted")
        .expectReply("Your favourite colour?");

    bot.restart();

    carol.sends("teal").expectReply("May we call you?")
        .presses("Skip").expectReply("Thanks! Tea: yes, colour: teal.").expectNoMoreReplies();
    assertEquals(new SurveyBot.Stats(1), bot.session(carol).sessionData(SurveyBot.Stats.class));
    assertEquals(Optional.empty(), bot.session(carol).scene());
  }

  @Test
  void pendingTimeoutSurvivesARestart() {
    TestUser dave = bot.user("dave").sends("/survey").expectReply("Do you like tea?");

    bot.restart();
    bot.advance(SurveyBot.TIMEOUT);

    dave.expectReply("The survey timed out.").expectNoMoreReplies();
    assertTrue(bot.session(dave).timeoutAt().isEmpty());
  }
}
