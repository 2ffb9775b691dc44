package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.ttscenes.testkit.kit.PostsBot.Reader;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sent-message continuations: a session learns what it sent, or that TamTam refused it. */
final class ContinuationKitTest {
  private static final String APOLOGY = "Sorry, something went wrong. Please try again.";

  @RegisterExtension
  static final BotTester bot = BotTester.of(PostsBot.create());

  @Test
  void aSupportTicketPostedToTheOperatorsGroupRemembersItsMid() {
    TestUser olga = bot.user("Olga");
    TestUser alice = bot.user("Alice");
    TestChat operators = bot.groupChat("Operators", olga);
    PostsBot.OPERATORS.set(operators.chatId());

    alice.sends("/support I cannot log in").expectReply("Your question went to the operators.");
    operators.expectReply("Question from Alice: I cannot log in");

    Reader reader = bot.session(alice).sessionData(Reader.class);
    assertEquals(operators.lastReply().mid(), reader.ticketMid());
    assertEquals(operators.chatId(), reader.ticketChat());
    assertEquals("I cannot log in", reader.question(), "the continuation's payload came along");
  }

  @Test
  void aPollMessagesMidIsKnownRightAfterPostingBeforeAnyoneVotes() {
    TestUser ivan = bot.user("Ivan");
    TestChat team = bot.groupChat("Team", ivan);

    team.as(ivan).sends("/poll");
    team.expectReply("Tea or coffee?");
    String mid = team.lastReply().mid();
    team.expectEdit("Tea or coffee? (poll " + mid + ")").expectNoMoreReplies();
    assertEquals(mid, bot.session(ivan, team).sessionData(Reader.class).pollMid());
  }

  @Test
  void aUserWhoBlockedTheBotIsMarkedUnreachableAndTheDigestStops() {
    TestUser boris = bot.user("Boris");
    boris.sends("/digest").expectReply("You will get a digest every day.");
    bot.advance(Duration.ofDays(1));
    boris.expectReply("Your daily digest.");
    assertFalse(bot.session(boris).sessionData(Reader.class).unreachable());

    boris.blocksBot();
    bot.advance(Duration.ofDays(1));
    boris.expectNoMoreReplies();
    Reader reader = bot.session(boris).sessionData(Reader.class);
    assertTrue(reader.unreachable());
    assertEquals("403 chat.denied", reader.refusal());
    assertTrue(bot.session(boris).jobs().isEmpty(), "the failure path cancelled the digest");
  }

  @Test
  void aContinuationWhoseSceneWasLeftIsDroppedAndCountedAndTheSessionGoesOn() {
    TestUser dora = bot.user("Dora");
    double unmatched = unmatched();
    dora.sends("/compose").sends("Hello all").expectReply("Sent: Hello all");
    bot.awaitIdle();

    assertEquals(unmatched + 1, unmatched(), "the left scene's onSent did not run at the root");
    assertFalse(bot.session(dora).scene().isPresent());
    dora.sends("/ping").expectReply("pong").expectNoMoreReplies();
  }

  @Test
  void aContinuationOnTheGlobalSetRunsWhereverTheSessionMovedOn() {
    TestUser emil = bot.user("Emil");
    emil.sends("/compose").sends("/note lunch at one").expectReply("Note: lunch at one");
    String mid = emil.lastReply().mid();
    emil.expectReply("Noted as " + mid.length() + "-char mid.").expectNoMoreReplies();
  }

  @Test
  void aContinuationNameNoHandlerTakesFailsInTheHandlerAndNothingOfThatRunIsSent() {
    TestUser fay = bot.user("Fay");
    fay.sends("/nameless").expectReply(APOLOGY).expectNoMoreReplies();
    fay.sends("/ping").expectReply("pong");
  }

  @Test
  void aPayloadJacksonCannotWriteFailsInTheHandler() {
    TestUser gus = bot.user("Gus");
    gus.sends("/opaque").expectReply(APOLOGY).expectNoMoreReplies();
    assertNull(bot.session(gus).sessionData(Reader.class).ticketMid());
    gus.sends("/ping").expectReply("pong");
  }

  @Test
  void thenWithoutAMessageCallBeforeItFailsInTheHandler() {
    TestUser hana = bot.user("Hana");
    hana.sends("/bare").expectReply(APOLOGY).expectNoMoreReplies();
    hana.sends("/ping").expectReply("pong");
  }

  private static double unmatched() {
    Counter counter = bot.meters().find("ttscenes.updates").tag("outcome", "unmatched").counter();
    return counter == null ? 0 : counter.count();
  }
}
