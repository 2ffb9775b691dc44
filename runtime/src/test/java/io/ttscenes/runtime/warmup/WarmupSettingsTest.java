package io.ttscenes.runtime.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TTSCENES_WARMUP_MS and TTSCENES_WARMUP_HANDLERS: defaults, the off switch and every bad value. */
final class WarmupSettingsTest {
  @Test
  void withoutSettingsTheRuntimesOwnRehearsalRunsForOneSecond() {
    WarmupSettings settings = WarmupSettings.from(Map.of());
    assertEquals(new WarmupSettings(Duration.ofMillis(1000), false), settings);
    assertTrue(settings.enabled());
  }

  @Test
  void zeroTurnsItOffAndHandlersCanBeOptedInto() {
    assertFalse(WarmupSettings.from(Map.of("TTSCENES_WARMUP_MS", "0")).enabled());
    WarmupSettings opted = WarmupSettings.from(Map.of("TTSCENES_WARMUP_MS", " 2500 ", "TTSCENES_WARMUP_HANDLERS", "TRUE"));
    assertEquals(new WarmupSettings(Duration.ofMillis(2500), true), opted);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "60001", "1.5", "fast", "1s"})
  void aBadBudgetIsRefusedNamingTheVariableAndValue(String value) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WarmupSettings.from(Map.of("TTSCENES_WARMUP_MS", value)));
    assertTrue(e.getMessage().contains("TTSCENES_WARMUP_MS is '" + value + "'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "1", "on"})
  void aBadHandlersFlagIsRefusedNamingTheVariableAndValue(String value) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WarmupSettings.from(Map.of("TTSCENES_WARMUP_HANDLERS", value)));
    assertTrue(e.getMessage().contains("TTSCENES_WARMUP_HANDLERS is '" + value + "'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(longs = {-1_000_000, 500_000, 120_000_000_000L})
  void aBudgetOutOfRangeIsRefusedInCodeTooNamingIt(long nanos) {
    Duration budget = Duration.ofNanos(nanos);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WarmupSettings(budget, false));
    assertTrue(e.getMessage().contains("the warm-up budget is " + budget), e.getMessage());
  }
}
