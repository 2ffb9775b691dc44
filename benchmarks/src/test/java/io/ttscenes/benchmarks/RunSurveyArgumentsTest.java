package io.ttscenes.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code benchmarks/run-survey}'s bad arguments, run by bash for real: each is refused with
 * status 2 and a message naming it, before anything is built or started (no peer, no Redis).
 */
final class RunSurveyArgumentsTest {
  private static final Path SCRIPT = Path.of("run-survey").toAbsolutePath();

  @TempDir
  Path dir;

  @Test
  void zeroArrivalRateIsRefused() throws Exception {
    assertRefused("--arrival-per-s must be a number of new users a second above 0 and up to 1000000, not '0'",
        "--arrival-per-s", "0");
  }

  @Test
  void nonNumericArrivalRateIsRefused() throws Exception {
    assertRefused("not 'fast'", "--arrival-per-s", "fast");
    assertRefused("not '-3'", "--users", "10", "--arrival-per-s", "-3");
  }

  @Test
  void arrivalRateWithoutValueShowsTheUsage() throws Exception {
    assertRefused("usage: ", "--arrival-per-s");
  }

  @Test
  void timeoutShorterThanTheArrivalsIsRefused() throws Exception {
    assertRefused("--timeout-seconds must exceed the 24 s the 6000 users take to arrive at 250 a second, not 20",
        "--arrival-per-s", "250", "--timeout-seconds", "20");
    assertRefused("must exceed the 20 s the 101 users take to arrive at 5 a second, not 20",
        "--users", "101", "--arrival-per-s", "5", "--timeout-seconds", "20");
  }

  @Test
  void peerWithWarmUpUsersIsRefusedAsThePeerRunsColdOnly() throws Exception {
    assertRefused("--peer runs cold only", "--peer", "--warmup-users", "100");
  }

  @Test
  void instancesOutsideOneToEightAreRefused() throws Exception {
    assertRefused("--instances must be a number of bot processes from 1 to 8, not '0'", "--instances", "0");
    assertRefused("--instances must be a number of bot processes from 1 to 8, not '9'", "--instances", "9");
    assertRefused("not 'two'", "--cluster", "--instances", "two");
    assertRefused("not '-1'", "--instances", "-1");
  }

  @Test
  void instancesWithoutValueShowsTheUsage() throws Exception {
    assertRefused("usage: ", "--instances");
  }

  @Test
  void inMemoryStoreIsRefusedWithClusterOrSeveralInstances() throws Exception {
    assertRefused("--memory keeps sessions inside one bot process: it cannot go with --cluster or --instances above 1",
        "--memory", "--cluster");
    assertRefused("--memory keeps sessions inside one bot process", "--instances", "2", "--memory");
  }

  @Test
  void anotherBotMainIsRefusedWithClusterOrSeveralInstances() throws Exception {
    assertRefused("--bot-main runs a bot without the store's cluster client and poller lease",
        "--bot-main", "io.ttscenes.benchmarks.FloorBot", "--cluster");
    assertRefused("--bot-main runs a bot without the store's cluster client and poller lease",
        "--instances", "3", "--bot-main", "io.ttscenes.benchmarks.FloorBot");
  }

  @Test
  void classDataSharingArchiveIsRefusedForAnotherBotMain() throws Exception {
    assertRefused("--cds archives the survey bot's classes: it cannot go with --bot-main",
        "--cds", "--bot-main", "io.ttscenes.benchmarks.FloorBot");
  }

  @Test
  void unknownOptionIsNamed() throws Exception {
    assertRefused("unknown option: --steady", "--steady", "250");
  }

  private void assertRefused(String message, String... args) throws Exception {
    assertTrue(Files.isExecutable(SCRIPT), "no executable " + SCRIPT);
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    Path log = dir.resolve("run-survey.out");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    process.getOutputStream().close();
    // A safety net only: a refusal comes back at once. A run that was not refused is stopped
    // with TERM, on which the script stops whatever it started.
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroy();
      throw new AssertionError("run-survey was not refused within a minute: " + String.join(" ", args));
    }
    String output = Files.readString(log);
    assertEquals(2, process.exitValue(), output);
    assertTrue(output.contains(message), output);
    assertFalse(output.contains("building ") || output.contains("peer: ") || output.contains("training "), output);
  }
}
