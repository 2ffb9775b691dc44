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
    assertEquals(new Signals.Take("Olga", null), take);
  }

  @Test
  void anAnswerAndAFollowUpStoredBeforeAttachmentsAndNamesReadEmpty() throws Exception {
    assertEquals(List.of(), json.readValue("{\"operator\":\"Olga\",\"text\":\"Hi\"}", Signals.Answer.class)
        .attachments());
    assertEquals("", json.readValue("{\"question\":{\"text\":\"More\",\"mid\":\"\",\"attachments\":0}}",
        Signals.FollowUp.class).name());
  }
}
