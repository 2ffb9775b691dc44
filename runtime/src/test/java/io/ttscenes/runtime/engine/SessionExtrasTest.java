package io.ttscenes.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.runtime.json.WireJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The authoring blocks' part of a session: absent for plain bots, kept by both readers. */
final class SessionExtrasTest {
  record Answers(String q1) {}

  private final ObjectMapper mapper = WireJson.create();
  private final Bot bot = Bot.builder("extras")
      .scene(Scene.builder("survey", Answers.class).step("q1", s -> s.onText(ctx -> { })).build())
      .build();
  private final SessionCodec codec = new SessionCodec(bot, mapper);

  @Test
  void aSessionThatNeverMadeATypedButtonStoresNoExtrasEvenAfterTransitions() {
    Session session = new Session(bot.scene("survey").orElseThrow(), "q1", new Answers(null), null,
        List.of(), Jobs.none(), 7L, 70L);
    Extras.newScreen(session.extras);
    Extras.newScreen(session.extras);

    String json = codec.encode(session);

    assertFalse(json.contains("\"x\""), json);
  }

  @Test
  void extrasSurviveTheOnePassReaderAndTheTreeReader() {
    Session session = new Session(bot.scene("survey").orElseThrow(), "q1", new Answers("a"), null,
        List.of(), Jobs.none(), 7L, 70L);
    int first = Extras.stamp(session.extras);
    Extras.newScreen(session.extras);
    String kept = Extras.keep(session.extras, "[\"long\"]");
    Extras.chosenLocale(session.extras, "ru");
    String json = codec.encode(session);

    Session onePass = codec.decode("k", json);
    // A scene the bot no longer has sends the reader down the tree path, which keeps the extras too.
    Session viaTrees = new SessionCodec(Bot.builder("extras").build(), mapper).decode("k", json);

    for (Session read : List.of(onePass, viaTrees)) {
      assertEquals(first + 1, Extras.screen(read.extras));
      assertEquals("[\"long\"]", Extras.kept(read.extras, kept).orElseThrow());
      assertEquals("ru", Extras.locale(read.extras).orElseThrow());
    }
    assertTrue(viaTrees.scene().isEmpty());
  }

  @Test
  void onlyTheLastKeptPayloadsOfAScreenStay() {
    Session session = new Session(null, null, null, null, List.of(), Jobs.none(), null, null);
    String first = Extras.keep(session.extras, "[0]");
    for (int i = 1; i <= Extras.MAX_KEPT_PAYLOADS; i++) {
      Extras.keep(session.extras, "[" + i + "]");
    }
    assertTrue(Extras.kept(session.extras, first).isEmpty());
    assertEquals(Extras.MAX_KEPT_PAYLOADS, session.extras.get("p").size());
  }
}
