package io.ttscenes.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The fake API's command line. */
final class OptionsTest {
  @Test
  void defaultsAreTheColdRunWithSelfWarmUp() {
    assertEquals(new Options(2000, 0, 0, 120, true, Arrivals.BURST), Options.parse(new String[0]));
  }

  @Test
  void flagWithoutValueMayStandAnywhere() {
    Options options = Options.parse(new String[] {"--users", "5", "--no-self-warmup", "--warmup-users", "7"});

    assertEquals(new Options(5, 7, 0, 120, false, Arrivals.BURST), options);
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
        + " --arrival-per-s, --no-self-warmup", e.getMessage());
  }

  @Test
  void arrivalRateSelectsTheSteadyShape() {
    Options options = Options.parse(new String[] {"--users", "6000", "--arrival-per-s", "250"});

    assertEquals(new Arrivals(250), options.arrivals());
    assertEquals(new Arrivals(0.5), Options.parse(new String[] {"--users", "3", "--arrival-per-s", "0.5"}).arrivals());
  }

  @Test
  void zeroNegativeHugeOrNonNumericRatesAreNamed() {
    String range = "; it must be above 0 and at most 1000000 (leave it out for the burst)";
    assertEquals("--arrival-per-s is '0'" + range, error("--arrival-per-s", "0"));
    assertEquals("--arrival-per-s is '-5'" + range, error("--arrival-per-s", "-5"));
    assertEquals("--arrival-per-s is 'NaN'" + range, error("--arrival-per-s", "NaN"));
    assertEquals("--arrival-per-s is '2e6'" + range, error("--arrival-per-s", "2e6"));
    assertEquals("--arrival-per-s is 'fast'; it must be a number of users a second", error("--arrival-per-s", "fast"));
  }

  @Test
  void timeoutShorterThanTheArrivalsIsRefused() {
    assertEquals("--timeout-seconds is 20 but 6000 users at 250 a second take 24.0 s to arrive; give more time",
        error("--users", "6000", "--arrival-per-s", "250", "--timeout-seconds", "20"));
  }

  private static String error(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> Options.parse(args)).getMessage();
  }
}
