package io.ttscenes.example.faq.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Desk signals stored by the release before this one (in a ticket's inbox across a deploy) still
 * read: the fields added since are absent from their JSON.
 */
final class SignalsTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aTakeStoredBeforeItNamedTheOperatorsSessionReadsWithNobodyToTell() throws Exception {
    Signals.Take take = json.readValue("{\"operator\":\"Olga\"}", Signals.Take.class);
    assertEquals(new Signals.Take("Olga", null, ""), take);
  }

  @Test
  void signalsAndATicketStoredBeforeOperatorsHadALanguageReadInTheDesksLanguage() throws Exception {
    assertEquals(new Signals.Close("Olga", ""), json.readValue("{\"operator\":\"Olga\"}", Signals.Close.class));
    assertEquals(new Signals.ListOpen(""), json.readValue("{}", Signals.ListOpen.class));
    assertEquals("", json.readValue("{\"mid\":\"m1\",\"operator\":\"Olga\",\"text\":\"Hi\"}",
        Signals.ReplyTo.class).locale());
    assertEquals(new Signals.Closed("SUP-1-1", "Olga", ""), json.readValue("{\"id\":\"SUP-1-1\",\"operator\":"
        + "\"Olga\"}", Signals.Closed.class));
    Ticket ticket = json.readValue("{\"id\":\"SUP-1-1\",\"asker\":\"u:1\",\"name\":\"Ann\","
        + "\"campaign\":\"\",\"locale\":\"\",\"question\":{\"text\":\"Hi\",\"mid\":\"\",\"attachments\":0},"
        + "\"operator\":\"Olga\"}", Ticket.class);
    assertEquals("", ticket.operatorLocale());
  }

  @Test
  void anAnswerAndAFollowUpStoredBeforeAttachmentsAndNamesReadEmpty() throws Exception {
    Signals.Answer answer = json.readValue("{\"operator\":\"Olga\",\"text\":\"Hi\"}", Signals.Answer.class);
    assertEquals(List.of(), answer.attachments());
    assertEquals("", answer.locale());
    assertEquals("", json.readValue("{\"question\":{\"text\":\"More\",\"mid\":\"\",\"attachments\":0}}",
        Signals.FollowUp.class).name());
  }
}
