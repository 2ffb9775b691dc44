package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Funnels per deep-link campaign, counted from committed updates only. */
final class FunnelKitTest {
  private static final ConflictingStore STORE = new ConflictingStore();

  @RegisterExtension
  static final BotTester bot = BotTester.builder(signupBot()).store(STORE).build();

  /** A sign-up wizard entered from any deep link: name, email, confirm. */
  static Bot signupBot() {
    return Bot.builder("signup-bot").campaigns("promo", "partner", "news")
        .scene(Scene.builder("signup")
            .step("name", step -> step.prompt(ctx -> ctx.reply("Your name?")).onText(ctx -> ctx.next()))
            .step("email", step -> step.prompt(ctx -> ctx.reply("Your email?"))
                .onCommand("again", ctx -> ctx.goTo("name")).onText(ctx -> ctx.next()))
            .step("confirm", step -> step.prompt(ctx -> ctx.reply("Confirm?"))
                .onText(ctx -> ctx.reply("Welcome aboard").next()))
            .build())
        .transitionsTo("signup")
        .global(g -> g.onBotStarted(ctx -> ctx.enter("signup")))
        .build();
  }

  @Test
  void countsUsersPerCampaignAndStepOnceEvenWhenACommitConflicts() {
    for (int i = 0; i < 3; i++) {
      bot.user("promo" + i).startsWithLink("promo").expectReply("Your name?");
    }
    bot.user("promo0").sends("Ann").expectReply("Your email?");
    STORE.conflictNext(1);
    bot.user("promo1").sends("Bob").expectReply("Your email?")
        // Back to a step already reached and on again: no user is counted twice at a step.
        .sends("/again").expectReply("Your name?").sends("Bob").expectReply("Your email?");
    bot.user("promo0").sends("ann@example.com").expectReply("Confirm?");
    for (int i = 0; i < 2; i++) {
      bot.user("partner" + i).startsWithLink("partner").expectReply("Your name?").sends("P" + i)
          .expectReply("Your email?");
    }
    bot.user("news0").startsWithLink("news").expectReply("Your name?");
    bot.user("stranger").startsWithLink("made-up-link").expectReply("Your name?");
    // A second start through a link (a minute later: the same start in the same millisecond is a
    // duplicate) is a new visit: that user's funnel starts afresh.
    bot.advance(Duration.ofMinutes(1));
    bot.user("promo2").startsWithLink("promo").expectReply("Your name?");

    MeterRegistry meters = bot.meters();
    assertEquals(1, STORE.forced(), "the conflict was forced");
    assertEquals(1.0, meters.get("ttscenes.commit.conflicts").counter().count());
    assertEquals(Map.of("promo", 4L, "partner", 2L, "news", 1L, "other", 1L), starts(meters));
    assertEquals(Map.of(
        "news signup/name", 1L,
        "other signup/name", 1L,
        "partner signup/email", 2L, "partner signup/name", 2L,
        "promo signup/confirm", 1L, "promo signup/email", 2L, "promo signup/name", 4L), reached(meters));
    assertEquals(8.0, meters.get("ttscenes.scene.entered").tags("scene", "signup", "step", "name").counter().count());
    assertEquals(1.0, meters.get("ttscenes.scene.left_early").tags("scene", "signup", "step", "name").counter().count());
  }

  private static Map<String, Long> starts(MeterRegistry meters) {
    Map<String, Long> starts = new TreeMap<>();
    meters.find("ttscenes.deeplink.starts").counters().forEach(c ->
        starts.merge(c.getId().getTag("campaign"), Math.round(c.count()), Long::sum));
    return starts;
  }

  private static Map<String, Long> reached(MeterRegistry meters) {
    Map<String, Long> reached = new TreeMap<>();
    meters.find("ttscenes.funnel.reached").counters().forEach(c -> reached.merge(
        c.getId().getTag("campaign") + " " + c.getId().getTag("scene") + "/" + c.getId().getTag("step"),
        Math.round(c.count()), Long::sum));
    return reached;
  }
}
