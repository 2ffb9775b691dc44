package io.ttscenes.example.faq.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The desk index's order of open tickets and its data migration. */
final class DeskIndexTest {
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
    assertEquals("Open tickets (2):\nSUP-2-1 from Zoe: taken by Olga\nSUP-1-10 from Yan: waiting",
        DeskIndex.listing(index));
  }

  @Test
  void anIndexStoredBeforeTicketsHadAnOpenedTimeMigratesWithEveryTicketKept() throws Exception {
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    ObjectNode stored = (ObjectNode) json.readTree("{\"open\":{\"SUP-7-10\":{\"id\":\"SUP-7-10\",\"name\":\"Ann\","
        + "\"operator\":\"\"},\"SUP-7-9\":{\"id\":\"SUP-7-9\",\"name\":\"Ann\",\"operator\":\"Olga\"}},"
        + "\"posts\":{},\"waiting\":{}}");
    DeskIndex.Index index = json.treeToValue(new DeskIndex(-1).scene().dataVersions().upgrade(stored, 1),
        DeskIndex.Index.class);
    assertEquals(Instant.EPOCH, index.open().get("SUP-7-10").opened());
    assertEquals("Open tickets (2):\nSUP-7-9 from Ann: taken by Olga\nSUP-7-10 from Ann: waiting",
        DeskIndex.listing(index));
  }
}
