package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ttscenes.api.Bot;
import io.ttscenes.api.BotConfigurationException;
import io.ttscenes.api.Scene;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Milestones: outcomes a handler marks, counted per committed update and in campaign funnels. */
final class MilestoneKitTest {
  private static final ConflictingStore STORE = new ConflictingStore();

  @RegisterExtension
  static final BotTester bot = BotTester.builder(answerBot()).store(STORE).build();

  static Bot answerBot() {
    return Bot.builder("answer-bot").campaigns("promo").milestones("answered", "helpful")
        .root(r -> r.onCommand("yes", ctx -> ctx.reached("helpful").reply("Glad it helped"))
            .onCommand("typo", ctx -> ctx.reached("helpfull").reply("never sent"))
            .onText(ctx -> ctx.reached("answered").reply("Here is the answer")))
        .build();
  }

  @Test
  void milestonesCountEveryCommittedMarkAndTheFunnelOncePerAttributedUser() {
    bot.user("Ann").startsWithLink("promo").expectNoMoreReplies();
    bot.user("Ann").sends("where is my order").expectReply("Here is the answer");
    STORE.conflictNext(1);
    bot.user("Ann").sends("and the refund").expectReply("Here is the answer")
        .sends("/yes").expectReply("Glad it helped");
    bot.user("Bob").sends("no link, a question").expectReply("Here is the answer");

    MeterRegistry meters = bot.meters();
    assertEquals(1.0, meters.get("ttscenes.commit.conflicts").counter().count(), "the conflict was forced");
    assertEquals(Map.of("answered", 3L, "helpful", 1L), counts(meters, "ttscenes.milestones", "milestone"));
    assertEquals(Map.of("answered", 1L, "helpful", 1L), counts(meters, "ttscenes.funnel.reached", "scene"));
    assertEquals("-", meters.get("ttscenes.funnel.reached").tags("scene", "helpful").counter().getId().getTag("step"));
  }

  @Test
  void anUndeclaredMilestoneFailsTheHandlerAndCountsNothing() {
    bot.user("Cy").sends("/typo").expectReply("Sorry, something went wrong. Please try again.");
    assertTrue(bot.meters().find("ttscenes.milestones").tags("milestone", "helpfull").counters().isEmpty());
  }

  @Test
  void badMilestoneNamesAndOnesNamedLikeAScenesAreRefused() {
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> Bot.builder("b").milestones("Ticket Answered"));
    assertEquals("milestone 'Ticket Answered' cannot be declared; use 1-64 of a-z, 0-9, '_' and '-', "
        + "other than 'root'", bad.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Bot.builder("b").milestones("root"));
    BotConfigurationException clash = assertThrows(BotConfigurationException.class, () -> Bot.builder("b")
        .scene(Scene.builder("support").onEnter(ctx -> ctx.reply("hi")).build()).milestones("support").build());
    assertTrue(clash.getMessage().contains("milestone 'support' has the id of a scene"), clash.getMessage());
  }

  private static Map<String, Long> counts(MeterRegistry meters, String name, String tag) {
    Map<String, Long> counts = new TreeMap<>();
    for (Counter counter : meters.find(name).counters()) {
      counts.merge(counter.getId().getTag(tag), Math.round(counter.count()), Long::sum);
    }
    return counts;
  }
}
