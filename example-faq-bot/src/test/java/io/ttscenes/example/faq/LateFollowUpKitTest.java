package io.ttscenes.example.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * A follow-up that reaches a ticket after it closed comes back to the user's session as
 * {@link SupportDesk.LateFollowUp} instead of being dropped: the race of a user writing while an
 * operator presses Close, made deterministic by a bot that sends the follow-up when told to.
 */
final class LateFollowUpKitTest {
  static final long OPERATORS = -4_200_000_003L;

  @RegisterExtension
  final BotTester bot = BotTester.of(lateBot());

  /** The FaqBot's own support scene and late-follow-up handler, with a command that plays the race's outcome. */
  @RegisterExtension
  final BotTester scenes = BotTester.of(supportBot());

  @Test
  void aFollowUpToATicketThatClosedMeanwhileComesBackToTheUserWithItsText() {
    TestUser olga = bot.user("Olga");
    TestChat desk = bot.groupChat(OPERATORS, "Operators", olga);
    TestUser ann = bot.user("Ann");
    ann.sends("/ask Is it waterproof?");
    desk.expectReplyContaining("Ticket SUP-1 from Ann").as(olga).presses("Close")
        .expectNotification("Closing ticket SUP-1.").expectReply("Ticket SUP-1 is closed by Olga.");
    ann.expectReplyContaining("Ticket SUP-1 is closed. How did we do?");

    ann.sends("/more And in the sea?").expectReply("late for SUP-1 from Ann: And in the sea?").expectNoMoreReplies();
    desk.expectNoMoreReplies();
  }

  @Test
  void theFaqBotsUserSideTurnsALateFollowUpIntoANewTicketOrAddsItToTheNewerOne() {
    TestUser olga = scenes.user("Olga");
    TestChat desk = scenes.groupChat(OPERATORS, "Operators", olga);
    TestUser bea = scenes.user("Bea");
    String first = SupportDeskKitTest.ask(bea, desk, "Does it fit a 15-inch laptop?");
    String second = "SUP-" + bea.emulated().userId() + "-2";
    String third = "SUP-" + bea.emulated().userId() + "-3";

    // Open ticket 1, a late follow-up for an older ticket (0): it joins ticket 1.
    bea.sends("/late SUP-0 And a 16-inch one?").expectReply("Ticket SUP-0 was already closed, so your message "
        + "was added to your open ticket " + first + ".");
    desk.expectReply("Ticket " + first + ", Bea adds:\n\nAnd a 16-inch one?");

    // At the root (she cancelled): a late follow-up opens a new ticket, and what she writes next joins it.
    bea.sends("/cancel").expectAnyReply().sends("/late " + first + " Any discount?").expectReply("Ticket "
        + first + " is already closed, so your message opened a new ticket " + second + ". An operator will "
        + "answer here; anything you write now is added to it.");
    desk.expectReplyContaining("Ticket " + second + " from Bea");
    bea.sends("For students?");
    desk.expectReply("Ticket " + second + ", Bea adds:\n\nFor students?");

    // At the closed step (the operator closed ticket 2): a new ticket again.
    desk.as(olga).pressesUnder(desk.lastReply().text(), "Close").expectNotification("Closing ticket " + second + ".")
        .expectAnyReply();
    bea.expectReplyContaining("is closed. How did we do?")
        .sends("/late " + second + " Thanks!").expectReply("Ticket " + second + " is already closed, so your "
            + "message opened a new ticket " + third + ". An operator will answer here; anything you write now "
            + "is added to it.");
    desk.expectReplyContaining("Ticket " + third + " from Bea").expectNoMoreReplies();
    assertEquals(Optional.of("open"), scenes.session(bea).step());
  }

  /**
   * The FAQ bot's user side of the desk (scene support, its late-follow-up handler) plus {@code /late
   * <ticket> <text>}, which signals this session the {@link SupportDesk.LateFollowUp} a ticket closed
   * meanwhile sends back.
   */
  private static Bot supportBot() {
    Bot.Builder bot = Bot.builder("support-bot").messages(FaqBot.messages());
    SupportDesk.of(OPERATORS).install(bot, SupportScene.create(true));
    return bot.sessionData(Profile.class, Profile::fresh)
        .global(g -> g
            .onCommand("support", SupportScene::start)
            .onCommand("cancel", ctx -> ctx.reply("cancelled").leave())
            .onCommand("late", ctx -> {
              String[] parts = ctx.args().split(" ", 2);
              ctx.signal(ctx.self(), new SupportDesk.LateFollowUp(parts[0],
                  ctx.user().orElseThrow().name(), new Question(parts[1], "", 0)));
            }))
        .global(SupportScene::lateFollowUps)
        .build();
  }

  /** The late bot's support scene, which its users never enter: they ask with commands. */
  record Asking(String ticket) implements SupportDesk.TicketDraft {}

  /** A bot with the desk whose user side is two commands: ask (ticket SUP-1) and a follow-up to it. */
  private static Bot lateBot() {
    Bot.Builder bot = Bot.builder("late-bot").messages(FaqBot.messages());
    SupportDesk.of(OPERATORS).install(bot, Scene.builder("asking", Asking.class)
        .step(SupportDesk.CLOSED_STEP, step -> step.onMessage(ctx -> ctx.leave())).build());
    return bot.global(g -> g
            .onCommand("ask", ctx -> Question.of(ctx).ifPresent(question ->
                SupportDesk.open(ctx, "SUP-1", new Question(ctx.args(), question.mid(), 0), "")))
            .onCommand("more", ctx -> SupportDesk.followUp(ctx, "SUP-1",
                new Question(ctx.args(), "", 0)))
            .onSignal(SupportDesk.LateFollowUp.class, (ctx, late) ->
                ctx.reply("late for " + late.ticket() + " from " + late.name() + ": " + late.question().text())))
        .build();
  }
}
