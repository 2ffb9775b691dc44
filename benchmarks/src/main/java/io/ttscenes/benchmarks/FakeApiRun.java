package io.ttscenes.benchmarks;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What {@link FakeBotApi#main} does, with its output given: warm its own code up (unless
 * {@code --no-self-warmup}), listen and print {@code listening PORT}; with warm-up users, wait for
 * them and print {@code warmed ...}; then wait for the measured users and print
 * {@code timeline: ...} (their latencies by the second of release) and
 * {@code fake-api: <figures> server_cpu_s=...}, where the CPU is this process's since the
 * measured users were released, so neither warm-up is in it.
 */
final class FakeApiRun {
  private FakeApiRun() {}

  /** Runs the server as {@code options} say, printing to {@code out}; returns the exit status. */
  static int run(Options options, PrintStream out) throws InterruptedException {
    String selfWarmup = "";
    if (options.selfWarmup()) {
      SelfWarmUp.Result warm = SelfWarmUp.run(SelfWarmUp.USERS);
      selfWarmup = warm.describe();
    }
    try (FakeBotApi api = FakeBotApi.start(options.users(), options.warmupUsers(),
        options.arrivals().perSecond(), options.port())) {
      say(out, "listening " + api.port());
      if (options.warmupUsers() > 0) {
        if (!api.awaitWarmedUp(options.timeoutSeconds(), TimeUnit.SECONDS)) {
          say(out, "fake-api: the warm-up users did not finish in " + options.timeoutSeconds() + " s: "
              + api.warmUpFigures().line());
          return 1;
        }
        say(out, "warmed " + api.warmUpFigures().line());
      }
      api.awaitFinished(options.timeoutSeconds(), TimeUnit.SECONDS);
      say(out, "timeline: " + api.timeline());
      say(out, "fake-api: " + api.figures().line()
          + String.format(Locale.ROOT, " server_cpu_s=%.2f", api.measuredCpuSeconds()) + selfWarmup);
      return 0;
    }
  }

  private static void say(PrintStream out, String line) {
    out.println(line);
    out.flush();
  }
}
