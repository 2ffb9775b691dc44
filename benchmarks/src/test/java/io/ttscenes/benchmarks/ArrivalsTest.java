package io.ttscenes.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The arrival schedule alone, on given instants: no clock is read. */
final class ArrivalsTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  @Test
  void burstHasEveryUserArrivedAtTheFirstRelease() {
    assertFalse(Arrivals.BURST.steady());
    assertEquals(2000, Arrivals.BURST.due(0, 2000));
    assertEquals(0, Arrivals.BURST.spanSeconds(2000));
  }

  @Test
  void steadyRateHasUserZeroAtOnceThenOneMoreEveryInterval() {
    Arrivals steady = new Arrivals(250);

    assertTrue(steady.steady());
    assertEquals(1, steady.due(0, 6000));
    assertEquals(1, steady.due(4 * MS - 1, 6000));
    assertEquals(2, steady.due(4 * MS, 6000));
    assertEquals(251, steady.due(1000 * MS, 6000));
    assertEquals(2501, steady.due(10_000 * MS, 6000));
  }

  @Test
  void steadyArrivalsStopAtThePopulation() {
    Arrivals steady = new Arrivals(250);

    assertEquals(6000, steady.due(TimeUnit.HOURS.toNanos(1), 6000));
    assertEquals(23.996, steady.spanSeconds(6000), 1e-9);
  }

  @Test
  void fractionalRatesAreKept() {
    assertEquals(1, new Arrivals(0.5).due(1999 * MS, 10));
    assertEquals(2, new Arrivals(0.5).due(2000 * MS, 10));
  }

  @Test
  void negativeNonFiniteOrHugeRatesAreRejectedNamingTheValue() {
    for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY, 2_000_000}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Arrivals(bad));
      assertTrue(e.getMessage().startsWith("arrivals per second is " + bad + ";"), e.getMessage());
    }
  }
}
