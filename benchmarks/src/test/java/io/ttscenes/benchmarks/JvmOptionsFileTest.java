package io.ttscenes.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code benchmarks/jvm.options}, which README's run commands and {@code run-survey} pass as
 * {@code java @benchmarks/jvm.options}: one line, and every option in it one this JVM accepts
 * (a misspelt {@code -XX} flag stops the JVM before any bot starts).
 */
final class JvmOptionsFileTest {
  private static final Path OPTIONS = Path.of("jvm.options").toAbsolutePath();

  @TempDir
  Path dir;

  @Test
  void optionsFileIsOneLineOfJvmOptions() throws Exception {
    List<String> lines = Files.readAllLines(OPTIONS);
    assertEquals(1, lines.size(), "lines of " + OPTIONS + ": " + lines);
    for (String option : lines.get(0).trim().split(" +")) {
      assertTrue(option.startsWith("-X"), "not a JVM option: '" + option + "'");
    }
  }

  @Test
  void javaStartsWithTheOptionsFileAsAnArgumentFile() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path out = dir.resolve("java.out");
    Process process = new ProcessBuilder(java, "@" + OPTIONS, "-XX:+PrintCommandLineFlags", "-version")
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "java -version did not end");
    String output = Files.readString(out);
    assertEquals(0, process.exitValue(), output);
    assertFalse(output.contains("Unrecognized VM option"), output);
    // PrintCommandLineFlags lists the options in effect: those of the file among them.
    for (String option : Files.readString(OPTIONS).trim().split(" +")) {
      if (option.startsWith("-XX:")) {
        assertTrue(output.contains(option), option + " is not in effect:\n" + output);
      }
    }
  }
}
