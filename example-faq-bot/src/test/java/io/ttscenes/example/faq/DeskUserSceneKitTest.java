package io.ttscenes.example.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.example.faq.desk.Question;
import io.ttscenes.example.faq.desk.SupportDesk;
import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestChat;
import io.ttscenes.testkit.kit.TestUser;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The desk knows the bot's support scene by the scene object given to {@code SupportDesk.install},
 * not by a name of its own: a bot may call the scene what it likes.
 */
final class DeskUserSceneKitTest {
  static final long OPERATORS = -4_200_000_041L;

  /** The help bot's scene data: the ticket its user writes to. */
  record Help(String ticket) implements SupportDesk.TicketDraft {}

  @RegisterExtension
  final BotTester bot = BotTester.of(helpBot(helpdesk()));

  @Test
  void aSupportSceneOfAnotherNameHasItsUserMovedToTheRatingAndOutWhenTheTicketCloses() {
    TestUser olga = bot.user("Olga");
    TestChat desk = bot.groupChat(OPERATORS, "Operators", olga);
    TestUser dan = bot.user("Dan");
    String id = "SUP-" + dan.emulated().userId() + "-1";
    dan.sends("/ask My parcel is late").expectReply("asked " + id);
    desk.expectReplyContaining("Ticket " + id + " from Dan");
    dan.sends("It was due Monday.");
    desk.expectReply("Ticket " + id + ", Dan adds:\n\nIt was due Monday.");

    desk.as(olga).presses("Close").expectNotification("Closing ticket " + id + ".").expectAnyReply();
    dan.expectReply("Ticket " + id + " is closed. How did we do? Rate the answer from 1 to 5:");
    assertEquals(Optional.of("helpdesk"), bot.session(dan).scene());
    assertEquals(Optional.of(SupportDesk.CLOSED_STEP), bot.session(dan).step());
    dan.presses("5").expectEdit("Thank you! You rated ticket " + id + ": 5 of 5.");
    assertEquals(Optional.empty(), bot.session(dan).scene(), "the rating ends the closed step");
    desk.expectReply("Dan rated ticket " + id + ": 5 of 5.").expectNoMoreReplies();
  }

  @Test
  void aSupportSceneWithoutTheClosedStepIsRefusedAtInstallNamingItsSteps() {
    Scene<Help> stepless = Scene.builder("helpdesk", Help.class)
        .step("open", step -> step.onMessage(ctx -> { }))
        .build();
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> helpBot(stepless));
    assertEquals("the support scene 'helpdesk' has no step 'closed', where the desk moves a user whose ticket "
        + "closed; its steps: [open]", refused.getMessage());
  }

  /** Messages in the scene go to the ticket; at the closed step the bot just lets the user go. */
  private static Scene<Help> helpdesk() {
    return Scene.builder("helpdesk", Help.class)
        .step("open", step -> step.onMessage(ctx -> Question.of(ctx).ifPresent(more ->
            SupportDesk.followUp(ctx, ctx.data().ticket(), more))))
        .step(SupportDesk.CLOSED_STEP, step -> step.onMessage(ctx -> ctx.reply("closed").leave()))
        .build();
  }

  /** {@code /ask <question>} opens the user's first ticket and enters {@code scene} with it. */
  private static Bot helpBot(Scene<Help> scene) {
    Bot.Builder bot = Bot.builder("help-bot").messages(FaqBot.messages());
    SupportDesk.of(OPERATORS).install(bot, scene);
    return bot.global(g -> g.onCommand("ask", ctx -> {
      String id = "SUP-" + ctx.userId().orElseThrow() + "-1";
      SupportDesk.open(ctx, id, new Question(ctx.args(), "", 0), "");
      ctx.enter(scene, new Help(id)).reply("asked " + id);
    })).build();
  }
}
