package io.ttscenes.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.Bot;
import io.ttscenes.runtime.json.WireJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SessionCodecTest {
  record Profile(String name, String nickname, List<Integer> scores, Map<String, Object> extra) {}

  private final ObjectMapper mapper = WireJson.create();
  private final Bot bot = Bot.builder("codec")
      .sessionData(Profile.class, () -> new Profile("new", null, List.of(), Map.of()))
      .root(r -> r.onText(ctx -> { }))
      .build();
  private final SessionCodec codec = new SessionCodec(bot, mapper);

  @Test
  void encodingWritesTheSameJsonAsGoingThroughTreesAndReadsBack() throws Exception {
    Profile profile = new Profile("Ann", null, List.of(3, 1), Map.of("nested", Map.of("k", 1.5)));
    List<SessionState.HistoryEntry> history = new ArrayList<>(List.of(
        new SessionState.HistoryEntry("survey", "q1", mapper.valueToTree(Map.of("answer", "yes")))));
    Session session = new Session(null, null, null, profile, history,
        Instant.ofEpochMilli(1_700_000_000_123L), 7L, 70L);

    String json = codec.encode(session);

    String viaTrees = mapper.writeValueAsString(new SessionState(null, null, null,
        mapper.valueToTree(profile), history, 1_700_000_000_123L, 7L, 70L));
    assertEquals(viaTrees, json);
    Session read = codec.decode("u:7:c:70", json);
    assertEquals(profile, read.sessionData);
    assertEquals(history, read.history);
    assertEquals(70L, read.chat);
  }
}
