package io.ttscenes.runtime.warmup;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a bot warms up before it takes traffic: {@code TTSCENES_WARMUP_MS} bounds the time (default
 * {@value #DEFAULT_MILLIS}, at most {@value #MAX_MILLIS}; 0 turns the warm-up off) and
 * {@code TTSCENES_WARMUP_HANDLERS} ({@code true} or {@code false}, the default) says whether the
 * rehearsal runs the bot's own handlers instead of the runtime's. Only opt in when every handler
 * is free of effects outside the process (a handler that calls a payments API would call it).
 *
 * @param budget the longest the warm-up may delay the start; zero: no warm-up
 * @param rehearseHandlers whether synthetic users go through the bot's own scenes and handlers
 */
public record WarmupSettings(Duration budget, boolean rehearseHandlers) {
  /** The default time bound in milliseconds. */
  public static final int DEFAULT_MILLIS = 1000;
  /** The largest time bound {@code TTSCENES_WARMUP_MS} accepts. */
  public static final int MAX_MILLIS = 60_000;

  /** Checks the bound: zero (off) or 1 to {@value #MAX_MILLIS} ms. */
  public WarmupSettings {
    Objects.requireNonNull(budget, "budget");
    // Under a millisecond would pass as "on" but leave the rehearsal no handler deadline to run with.
    boolean offOrMillis = budget.isZero() || budget.toMillis() >= 1;
    if (budget.isNegative() || budget.toMillis() > MAX_MILLIS || !offOrMillis) {
      throw new IllegalArgumentException("the warm-up budget is " + budget + "; it must be 0 (off) or 1 to "
          + MAX_MILLIS + " ms");
    }
  }

  /** The runtime's own rehearsal for up to {@value #DEFAULT_MILLIS} ms. */
  public static WarmupSettings defaults() {
    return new WarmupSettings(Duration.ofMillis(DEFAULT_MILLIS), false);
  }

  /** No warm-up at all. */
  public static WarmupSettings disabled() {
    return new WarmupSettings(Duration.ZERO, false);
  }

  /** Reads {@code TTSCENES_WARMUP_MS} and {@code TTSCENES_WARMUP_HANDLERS} from the process environment. */
  public static WarmupSettings fromEnvironment() {
    return from(System.getenv());
  }

  /**
   * Reads the two variables from {@code env}; throws {@link IllegalArgumentException} naming the
   * variable and its value when one is not a number of milliseconds in range or not a boolean.
   */
  public static WarmupSettings from(Map<String, String> env) {
    String millis = env.getOrDefault("TTSCENES_WARMUP_MS", "").trim();
    String handlers = env.getOrDefault("TTSCENES_WARMUP_HANDLERS", "").trim();
    return new WarmupSettings(Duration.ofMillis(millis.isEmpty() ? DEFAULT_MILLIS : millis(millis)),
        !handlers.isEmpty() && flag(handlers));
  }

  /** Whether there is a warm-up to run. */
  public boolean enabled() {
    return !budget.isZero();
  }

  private static long millis(String text) {
    try {
      long value = Long.parseLong(text);
      if (value >= 0 && value <= MAX_MILLIS) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below with the variable's name.
    }
    throw new IllegalArgumentException("TTSCENES_WARMUP_MS is '" + text + "'; it must be a whole number of "
        + "milliseconds from 0 (no warm-up) to " + MAX_MILLIS);
  }

  private static boolean flag(String text) {
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new IllegalArgumentException("TTSCENES_WARMUP_HANDLERS is '" + text + "'; it must be true or false");
  }
}
