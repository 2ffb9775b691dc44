package io.ttscenes.runtime.readme;

import static io.ttscenes.runtime.fake.Updates.botStarted;
import static io.ttscenes.runtime.fake.Updates.callback;
import static io.ttscenes.runtime.fake.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import io.ttscenes.runtime.fake.FakeTamTam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the README's bot ({@link SurveyBot}, shown there verbatim) against a scripted TamTam over HTTP. */
final class ReadmeBotTest {

  @Test
  void surveyRunsFromDeepLinkThroughButtonsAndTextToStatus() throws Exception {
    try (FakeTamTam tamtam = FakeTamTam.start()) {
      RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_API_URL", tamtam.url(),
          "TAMTAM_TOKEN", "readme-token", "TTSCENES_POLL_TIMEOUT_SECONDS", "1"));
      try (BotRuntime runtime = BotRuntime.create(SurveyBot.bot(), config)) {
        runtime.start();

        tamtam.push(botStarted(42, "promo42"));
        assertEquals(List.of("Q1: do you like surveys?"), tamtam.awaitTexts(1));
        assertEquals(List.of("Yes:q1:yes", "No:q1:no"), buttons(tamtam.messages().get(0)));

        tamtam.push(callback(42, "q1:yes"));
        assertEquals("Noted", tamtam.awaitAnswers(1).get(0).path("notification").asText());
        assertEquals("Q2: anything else?", tamtam.awaitTexts(2).get(1));

        tamtam.push(message(42, "my answer"));
        assertEquals("Thanks! q1=yes, answer=my answer, promo=promo42", tamtam.awaitTexts(3).get(2));

        tamtam.push(message(42, "/status"));
        assertEquals("q1=yes, answer=my answer, promo=promo42", tamtam.awaitTexts(4).get(3));
      }
      assertEquals(4, tamtam.texts().size(), "nothing else was sent: " + tamtam.texts());
    }
  }

  @Test
  void readmeShowsThisBotVerbatim() throws IOException {
    Path root = repositoryRoot();
    String source = Files.readString(root.resolve(
        "runtime/src/test/java/io/ttscenes/runtime/readme/SurveyBot.java"));
    String shown = source.substring(source.indexOf('\n', source.indexOf("package ")) + 1).strip();
    String readme = Files.readString(root.resolve("README.md"));
    assertTrue(readme.contains("```java\n" + shown + "\n```"),
        "README.md must show runtime/src/test/java/io/ttscenes/runtime/readme/SurveyBot.java "
            + "(without its package line) in a java code block; update one or the other");
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("runtime"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository root with README.md above " + Path.of("").toAbsolutePath());
  }

  private static List<String> buttons(JsonNode message) {
    JsonNode rows = message.path("attachments").path(0).path("payload").path("buttons");
    return rows.path(0).findParents("payload").stream()
        .map(button -> button.path("text").asText() + ":" + button.path("payload").asText())
        .toList();
  }
}
