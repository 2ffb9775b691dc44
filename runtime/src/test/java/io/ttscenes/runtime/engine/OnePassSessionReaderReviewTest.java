package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.api.store.Commit;
import io.ttscenes.runtime.json.WireJson;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * review12: stored sessions the one-pass reader handles differently from the tree path it is
 * meant to defer to ("anything else ... gives empty, and the caller reads the tree form").
 */
final class OnePassSessionReaderReviewTest {
  record Answers(String q1) {}

  private final Bot bot = Bot.builder("review12")
      .scene(Scene.builder("survey", Answers.class)
          .step("q1", s -> s.onText(ctx -> ctx.reply("in survey")))
          .build())
      .root(r -> r.onText(ctx -> ctx.reply("at the root")))
      .build();
  private final SessionCodec codec = new SessionCodec(bot, WireJson.create());

  // The tree path reads a non-text scene as unreadable and resets to the root; the one-pass reader
  // asks the bot for scene null, and Map.copyOf's get(null) throws NullPointerException.
  @Test
  void aStoredSceneThatIsNotTextReturnsToTheRootInsteadOfThrowing() {
    for (String json : List.of("{\"scene\":{},\"chat\":4}", "{\"scene\":[\"survey\"],\"chat\":4}")) {
      Session read = assertDoesNotThrow(() -> codec.decode("k", json), json);
      assertNull(read.scene, json);
    }
  }

  @Test
  void aUserWhoseStoredSceneIsNotTextStillGetsAnAnswer() {
    try (Harness h = new Harness(bot)) {
      h.store.commit(new Commit("u:1:c:10", 0, "{\"scene\":{\"id\":\"survey\"},\"user\":1,\"chat\":10}",
          Optional.empty(), "seed", Duration.ofHours(1)));

      h.handle(text(1, 10, "hello"));

      assertEquals(List.of(bot.resetNotice(), "at the root"), h.texts(),
          "the session starts over at the root, and the user is told so");
    }
  }

  // The tree path's SessionState refuses a null history entry (List.copyOf) and resets the
  // session; the one-pass reader keeps it, and back() later throws on it.
  @Test
  void aNullHistoryEntryIsNotKeptForBackToThrowOn() {
    Session read = codec.decode("k",
        "{\"scene\":\"survey\",\"step\":\"q1\",\"data\":{\"q1\":\"x\"},\"history\":[null]}");

    assertFalse(read.history.contains(null), "history read: " + read.history);
  }

  // The tree path's SessionState refuses a null place reached (List.copyOf) and resets the
  // session; the one-pass reader must leave it to that path rather than keep the null.
  @Test
  void aNullPlaceReachedIsNotKept() {
    for (String json : List.of("{\"campaign\":\"promo\",\"reached\":[null],\"chat\":4}",
        "{\"scene\":\"survey\",\"step\":\"q1\",\"data\":{\"q1\":\"x\"},\"campaign\":\"promo\","
            + "\"reached\":[\"survey/q1\",null]}")) {
      Session read = assertDoesNotThrow(() -> codec.decode("k", json), json);

      assertFalse(read.reached.contains(null), "reached read: " + read.reached);
    }
  }
}
