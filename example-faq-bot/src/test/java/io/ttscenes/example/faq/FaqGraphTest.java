package io.ttscenes.example.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.runtime.admin.SceneGraph;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The example bot's scene graph, drawn from its code, checked against the reviewed expectation. */
final class FaqGraphTest {
  private static final String EXPECTED = "faq-bot.mmd";

  @Test
  void mermaidOfTheExampleBotMatchesTheStoredExpectation() throws IOException {
    String actual = SceneGraph.mermaid(FaqBot.create());
    String expected;
    try (InputStream in = FaqGraphTest.class.getResourceAsStream(EXPECTED)) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!expected.equals(actual)) {
      // For review: the new text, to copy over the expectation once it is right.
      Files.writeString(Path.of("target", EXPECTED), actual);
    }
    assertEquals(expected, actual, "the graph changed; see target/" + EXPECTED);
  }

  @Test
  void graphMainPrintsTheGraphForAJar() throws Exception {
    Process main = java("io.ttscenes.example.faq.FaqBot");
    String out = new String(main.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(main.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, main.exitValue());
    assertEquals(SceneGraph.mermaid(FaqBot.create()), out);
  }

  @Test
  void graphMainNamesWhatIsWrongWithItsArgument() throws Exception {
    for (List<String> bad : List.of(
        List.of("io.ttscenes.example.faq.NoSuchBot", "class io.ttscenes.example.faq.NoSuchBot is not on the class path"),
        List.of("io.ttscenes.example.faq.FaqBot#menu", "has no public no-argument method menu"),
        List.of("io.ttscenes.example.faq.Profile#fresh", "is not a static method returning a Bot"))) {
      Process main = java(bad.get(0));
      String err = new String(main.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(main.waitFor(60, TimeUnit.SECONDS));
      assertEquals(2, main.exitValue(), err);
      assertTrue(err.contains(bad.get(1)), err);
    }
  }

  private static Process java(String argument) throws IOException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
        "io.ttscenes.runtime.admin.GraphMain", argument).start();
  }
}
