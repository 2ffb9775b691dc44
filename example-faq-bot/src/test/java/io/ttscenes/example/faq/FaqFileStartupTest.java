package io.ttscenes.example.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code FaqBotMain} refuses to start on a broken {@code FAQ_FILE}, naming the line. */
final class FaqFileStartupTest {
  @Test
  void brokenFaqFileStopsTheStartWithTheLineAndExitStatus2(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("faq.yaml"), """
        locales: [en]
        topics:
          - id: orders
            title: {en: Orders}
            questions:
              - id: track
                question: {en: "Where is it?"}
        """);
    ProcessBuilder main = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.ttscenes.example.faq.FaqBotMain");
    main.environment().remove("TAMTAM_TOKEN");
    main.environment().put("FAQ_FILE", file.toString());
    main.environment().put("EMULATOR_PORT", "0");
    // Output to a file, so a bot that started anyway fails the wait instead of blocking a read.
    Path errors = dir.resolve("stderr.txt");
    Process process = main.redirectErrorStream(true).redirectOutput(errors.toFile()).start();
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    process.destroyForcibly();
    String err = Files.readString(errors, StandardCharsets.UTF_8);

    assertTrue(exited, "the bot started on a broken FAQ file: " + err);
    assertEquals(2, process.exitValue(), err);
    assertEquals("The FAQ cannot be loaded: " + file + ", line 6, column 9: missing field 'answer'", err.strip());
  }
}
