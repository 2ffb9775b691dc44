package io.ttscenes.example.faq.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestChat;
import io.ttscenes.testkit.kit.TestUser;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The desk index's order of open tickets and its data migration. */
final class DeskIndexTest {
  private static final long OPERATORS = -4_200_000_009L;

  /** The index's shape before version 2, as the old release's scene data class wrote it. */
  record OldEntry(String id, String name, String operator) {}

  record OldReplyTo(String mid, String operator, String text) {}

  record OldWaiting(OldReplyTo reply, Instant until) {}

  record OldIndex(Map<String, OldEntry> open, Map<String, String> posts, Map<String, OldWaiting> waiting) {}

  /** Tells the old release's desk session to store its index. */
  record Seed() {}

  @Test
  void idsCompareByTheirNumbersSoTheTenthComesAfterTheNinth() {
    List<String> sorted = Stream.of("SUP-100001-10", "SUP-99-1", "SUP-100001-9", "SUP-100001-1")
        .sorted(DeskIndex::byNumbers).toList();
    assertEquals(List.of("SUP-99-1", "SUP-100001-1", "SUP-100001-9", "SUP-100001-10"), sorted);
  }

  @Test
  void aTicketTakenLaterKeepsItsPlaceByTheTimeItWasOpened() {
    Instant start = Instant.parse("2026-12-06T00:00:00Z");
    DeskIndex.Index index = DeskIndex.Index.empty()
        .listed(new Signals.Listed("SUP-2-1", "Zoe", ""), start)
        .listed(new Signals.Listed("SUP-1-10", "Yan", ""), start.plusSeconds(60))
        .listed(new Signals.Listed("SUP-2-1", "Zoe", "Olga"), start.plusSeconds(120));
    assertEquals(List.of(new DeskIndex.Entry("SUP-2-1", "Zoe", "Olga", start),
        new DeskIndex.Entry("SUP-1-10", "Yan", "", start.plusSeconds(60))), index.openOldestFirst());
  }

  @Test
  void anIndexStoredBeforeTicketsHadAnOpenedTimeMigratesWithEveryTicketKept() throws Exception {
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    ObjectNode stored = (ObjectNode) json.readTree("{\"open\":{\"SUP-7-10\":{\"id\":\"SUP-7-10\",\"name\":\"Ann\","
        + "\"operator\":\"\"},\"SUP-7-9\":{\"id\":\"SUP-7-9\",\"name\":\"Ann\",\"operator\":\"Olga\"}},"
        + "\"posts\":{},\"waiting\":{}}");
    DeskIndex.Index index = json.treeToValue(new DeskIndex(-1, new OperatorsLanguage(Locale.ROOT)).scene().dataVersions().upgrade(stored, 1),
        DeskIndex.Index.class);
    assertEquals(Instant.EPOCH, index.open().get("SUP-7-10").opened());
    assertEquals(List.of("SUP-7-9", "SUP-7-10"), index.openOldestFirst().stream().map(DeskIndex.Entry::id)
        .toList());
    assertEquals("Olga", index.open().get("SUP-7-9").operator());
  }

  @Test
  void anIndexTheOldReleaseStoredIsListedByTheNewOneAfterADeploy() {
    OldIndex stored = new OldIndex(Map.of("SUP-7-10", new OldEntry("SUP-7-10", "Ann", ""),
        "SUP-7-9", new OldEntry("SUP-7-9", "Ann", "Olga")), Map.of("mid.p1", "SUP-7-9"),
        Map.of("mid.x#1", new OldWaiting(new OldReplyTo("mid.x", "Olga", "Later"), Instant.EPOCH)));
    Bot old = Bot.builder("faq-bot")
        .scene(Scene.builder(DeskIndex.ID, OldIndex.class).onSignal(Seed.class, (ctx, seed) -> { }).build())
        .global(g -> g.onCommand("seed", ctx -> ctx.signal(DeskIndex.ref(), new Seed()))
            .onSignal(Seed.class, (ctx, seed) -> ctx.enter(DeskIndex.ID, stored)))
        .build();
    try (BotTester kit = BotTester.of(old).start()) {
      TestUser olga = kit.user("Olga");
      TestChat desk = kit.groupChat(OPERATORS, "Operators", olga);
      olga.sends("/seed");
      kit.awaitIdle();

      kit.deploy(io.ttscenes.example.faq.FaqBot.create(io.ttscenes.example.faq.catalog.FaqCatalog.sample(),
          SupportDesk.of(OPERATORS)));
      desk.as(olga).sends("/open").expectReply("2 open tickets:\nSUP-7-9 from Ann: taken by Olga\n"
          + "SUP-7-10 from Ann: waiting").expectNoMoreReplies();
      assertEquals(Instant.EPOCH, kit.session(DeskIndex.ref()).data(DeskIndex.Index.class).open().get("SUP-7-9")
          .opened());
    }
  }
}
