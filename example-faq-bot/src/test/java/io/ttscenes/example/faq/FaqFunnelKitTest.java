package io.ttscenes.example.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ttscenes.example.faq.catalog.FaqCatalog;
import io.ttscenes.example.faq.desk.SupportDesk;
import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestChat;
import io.ttscenes.testkit.kit.TestUser;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code ref_<campaign>} deep links: kept on the user's profile and counted in the funnel meters. */
final class FaqFunnelKitTest {
  static final long OPERATORS = -4_200_000_003L;

  @RegisterExtension
  static final BotTester bot = BotTester.of(FaqBot.create(FaqCatalog.sample(), SupportDesk.of(OPERATORS)));

  @Test
  void refCampaignIsRecordedOnTheUserAndItsFunnelRunsFromStartToFeedbackAndTicket() {
    TestUser ann = bot.user("Ann");
    ann.startsWithLink("ref_promo42").expectAnyReply()
        .sends("where is my order").expectAnyReply()
        .presses("Where is my order?").expectEdit(r -> assertTrue(r.text().startsWith("Where is my order?")))
        .presses("Yes").expectEdit(r -> assertTrue(r.text().endsWith("Thanks for your feedback!")))
        .sends("what about a refund").expectAnyReply()
        .presses("How long does a refund take?").expectEdit(r -> assertTrue(r.text().startsWith("How long")));
    TestUser olga = bot.user("Olga");
    TestChat desk = bot.groupChat(OPERATORS, "Operators", olga);
    TestUser ben = bot.user("Ben");
    ben.startsWithLink("ref_promo42").expectAnyReply();
    SupportDeskKitTest.ask(ben, desk, "My parcel is late");
    desk.as(olga).repliesTo(desk.lastReply().text(), "It arrives tomorrow.");
    ben.expectReply("Olga (support): It arrives tomorrow.");
    TestUser cleo = bot.user("Cleo");
    cleo.startsWithLink("ref_newsletter").expectAnyReply()
        .sends("which cards").expectAnyReply();
    bot.user("Dan").sends("which cards").expectAnyReply();

    assertEquals(new Profile("promo42", 0), bot.session(ann).sessionData(Profile.class));
    assertEquals(new Profile("promo42", 1), bot.session(ben).sessionData(Profile.class));
    assertEquals(new Profile("newsletter", 0), bot.session(cleo).sessionData(Profile.class),
        "an undeclared campaign is still kept on the profile");
    MeterRegistry meters = bot.meters();
    assertEquals(Map.of("ref_promo42", 2L, "other", 1L), sum(meters, "ttscenes.deeplink.starts", "campaign"));
    assertEquals(Map.of(
        "other asked", 1L,
        "ref_promo42 answered", 1L, "ref_promo42 asked", 1L, "ref_promo42 helpful", 1L,
        "ref_promo42 support/question", 1L, "ref_promo42 support/open", 1L,
        "ref_promo42 ticket-answered", 1L), funnel(meters));
    assertEquals(Map.of("answered", 2L, "asked", 4L, "helpful", 1L, "ticket-answered", 1L),
        sum(meters, "ttscenes.milestones", "milestone"));
  }

  @Test
  void startPayloadsThatAreNotRefLinksLeaveTheProfileAlone() {
    assertEquals(Profile.fresh(), Profile.fresh().cameFrom("promo42"));
    assertEquals(Profile.fresh(), Profile.fresh().cameFrom("ref_"));
    assertEquals(Profile.fresh(), Profile.fresh().cameFrom("ref_a b"));
    assertEquals(new Profile("x", 0), new Profile("x", 0).cameFrom("ref_y"));
    assertEquals("ref_spring-sale", Funnel.link("spring-sale"));
  }

  private static Map<String, Long> sum(MeterRegistry meters, String name, String tag) {
    Map<String, Long> sums = new TreeMap<>();
    for (Counter c : meters.find(name).counters()) {
      sums.merge(c.getId().getTag(tag), Math.round(c.count()), Long::sum);
    }
    return sums;
  }

  private static Map<String, Long> funnel(MeterRegistry meters) {
    Map<String, Long> reached = new TreeMap<>();
    for (Counter c : meters.find("ttscenes.funnel.reached").counters()) {
      String step = c.getId().getTag("step");
      reached.merge(c.getId().getTag("campaign") + " " + c.getId().getTag("scene") + ("-".equals(step) ? "" : "/" + step),
          Math.round(c.count()), Long::sum);
    }
    return reached;
  }
}
