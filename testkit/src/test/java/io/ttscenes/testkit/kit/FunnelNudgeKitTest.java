package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An onboarding funnel: a user who stops at the second step is nudged an hour later and again a
 * day later; one who finishes is never nudged. The nudges are scheduled jobs of the user's
 * session, stored with its commits.
 */
final class FunnelNudgeKitTest {
  record Signup(String name) {}

  record Reminder(String text) {}

  static Bot funnel() {
    return Bot.builder("funnel")
        .scene(Scene.builder("signup", Signup.class)
            .initialData(() -> new Signup(null))
            .step("name", s -> s.prompt(ctx -> ctx.reply("Your name?"))
                .onText(ctx -> ctx.setData(new Signup(ctx.text())).next()))
            .step("city", s -> s.prompt(ctx -> ctx.reply("Your city?")
                    .schedule("nudge", Duration.ofHours(1), new Reminder("Still there? Tell us your city."))
                    .schedule("last-call", Duration.ofDays(1), new Reminder("Last reminder: your city?")))
                .onText(ctx -> ctx.reply("Welcome, " + ((Signup) ctx.data()).name() + " from " + ctx.text())
                    .cancel("nudge").cancel("last-call").leave())
                .onScheduled("nudge", ctx -> ctx.reply(ctx.jobPayload(Reminder.class).text()))
                .onScheduled("last-call", ctx -> ctx.reply(ctx.jobPayload(Reminder.class).text())))
            .build())
        .root(r -> r.onCommand("start", ctx -> ctx.enter("signup")))
        .build();
  }

  @RegisterExtension
  static final BotTester bot = BotTester.of(funnel());

  @Test
  void aUserWhoStopsAtTheSecondStepIsNudgedAnHourLaterAndADayLater() {
    TestUser dana = bot.user("dana");
    dana.sends("/start").expectReply("Your name?")
        .sends("Dana").expectReply("Your city?");
    assertEquals(2, bot.session(dana).jobs().size());

    bot.advance(Duration.ofMinutes(59));
    dana.expectNoMoreReplies();
    bot.advance(Duration.ofMinutes(1));
    dana.expectReply("Still there? Tell us your city.").expectNoMoreReplies();

    bot.advance(Duration.ofDays(1));
    dana.expectReply("Last reminder: your city?").expectNoMoreReplies();
    assertEquals(Map.of(), bot.session(dana).jobs());

    dana.sends("Oslo").expectReply("Welcome, Dana from Oslo");
    assertEquals(Optional.empty(), bot.session(dana).scene());
  }

  @Test
  void aUserWhoFinishesIsNeverNudged() {
    TestUser erik = bot.user("erik");
    erik.sends("/start").expectReply("Your name?")
        .sends("Erik").expectReply("Your city?")
        .sends("Bergen").expectReply("Welcome, Erik from Bergen");

    bot.advance(Duration.ofDays(2));
    erik.expectNoMoreReplies();
    assertEquals(Map.of(), bot.session(erik).jobs());
  }
}
