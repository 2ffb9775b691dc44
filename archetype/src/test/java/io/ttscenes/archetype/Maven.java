package io.ttscenes.archetype;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Maven that runs this build, as a user would from a shell, against a private local
 * repository: ttscenes' artifacts come from {@code it.repo} (filled by invoker:install), everything
 * else is read from the user's repository as a read-only tail, so ~/.m2 is never written to.
 */
final class Maven {
  private static final long TIMEOUT_MINUTES = 4;

  /** What a finished run printed and how it ended. */
  record Run(int exitCode, String output) {
    String tail() {
      return output.length() <= 4000 ? output : output.substring(output.length() - 4000);
    }
  }

  private Maven() {}

  static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set; run this test through"
          + " the archetype module's failsafe configuration (./mvnw -pl archetype -am verify)");
    }
    return value;
  }

  /** Runs {@code mvn -B <args>} in {@code directory}, logging to {@code log}, and waits for it. */
  static Run run(Path directory, Path log, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(property("maven.home"), "bin", "mvn").toString(),
        "-B", "-Dmaven.repo.local=" + property("it.repo"),
        "-Dmaven.repo.local.tail=" + property("it.repo.tail")));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    // Short-lived Maven runs on a shared machine: C1 only starts and compiles faster.
    builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("mvn " + String.join(" ", args) + " did not finish in " + TIMEOUT_MINUTES
          + " minutes; log: " + log);
    }
    return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
