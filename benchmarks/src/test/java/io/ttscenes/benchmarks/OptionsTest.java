package io.ttscenes.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The fake API's command line. */
final class OptionsTest {
  @Test
  void defaultsAreTheColdRunWithSelfWarmUp() {
    assertEquals(new Options(2000, 0, 0, 120, true), Options.parse(new String[0]));
  }

  @Test
  void flagWithoutValueMayStandAnywhere() {
    Options options = Options.parse(new String[] {"--users", "5", "--no-self-warmup", "--warmup-users", "7"});

    assertEquals(new Options(5, 7, 0, 120, false), options);
  }

  @Test
  void badWarmUpCountIsNamedWithItsRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Options.parse(new String[] {"--warmup-users", "-1"}));

    assertEquals("--warmup-users is -1; it must be 0-1000000", e.getMessage());
  }

  @Test
  void unknownOptionListsTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Options.parse(new String[] {"--warmup", "3"}));

    assertEquals("unknown option --warmup; known: --users, --warmup-users, --port, --timeout-seconds,"
        + " --no-self-warmup", e.getMessage());
  }
}
