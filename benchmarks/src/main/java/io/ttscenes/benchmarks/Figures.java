package io.ttscenes.benchmarks;

import java.util.Locale;

/**
 * What one run of the survey workload measured on the server side.
 *
 * @param updates updates the bot answered
 * @param seconds wall time from the first release to the last answer
 * @param p50Millis median latency from an update's release to the bot's message for it
 * @param p90Millis 90th percentile of that latency
 * @param p99Millis 99th percentile of that latency
 * @param apiCalls every Bot API request the bot made, polls included
 * @param errors users whose {@code /status} reply lacked an expected part, plus users who never finished
 * @param unexpected messages that answered no outstanding update (not counted as errors by WORKLOAD.md)
 */
public record Figures(int updates, double seconds, double p50Millis, double p90Millis, double p99Millis,
    long apiCalls, int errors, int unexpected) {

  /** Returns updates per second, 0 before anything was answered. */
  public double updatesPerSecond() {
    return seconds <= 0 ? 0 : updates / seconds;
  }

  /** Returns the figures as {@code key=value} pairs in WORKLOAD.md's order. */
  public String line() {
    return String.format(Locale.ROOT,
        "updates=%d secs=%.2f ups=%.0f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f api_calls=%d errors=%d"
            + " unexpected=%d",
        updates, seconds, updatesPerSecond(), p50Millis, p90Millis, p99Millis, apiCalls, errors, unexpected);
  }
}
