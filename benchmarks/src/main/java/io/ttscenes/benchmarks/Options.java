package io.ttscenes.benchmarks;

import java.util.Locale;

/**
 * The command line of {@link FakeBotApi#main}: {@code --users N}, {@code --warmup-users M},
 * {@code --port P}, {@code --timeout-seconds S}, {@code --arrival-per-s R} and the flag
 * {@code --no-self-warmup}.
 *
 * @param users how many users take the measured survey
 * @param warmupUsers how many users take the survey before the measured ones (0: none)
 * @param port the port to listen on, 0 for a free one
 * @param timeoutSeconds how long to wait for the warm-up users, then again for the measured ones
 * @param selfWarmup whether the server warms its own code up before it listens
 * @param arrivals how the measured users arrive: all at once, or R new users a second
 */
record Options(int users, int warmupUsers, int port, long timeoutSeconds, boolean selfWarmup, Arrivals arrivals) {
  Options {
    if (users < 1 || users > SurveyUpdates.MAX_USERS) {
      throw new IllegalArgumentException("--users is " + users + "; it must be 1-" + SurveyUpdates.MAX_USERS);
    }
    if (warmupUsers < 0 || warmupUsers > SurveyUpdates.MAX_USERS) {
      throw new IllegalArgumentException("--warmup-users is " + warmupUsers + "; it must be 0-"
          + SurveyUpdates.MAX_USERS);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port is " + port + "; it must be 0-65535");
    }
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException("--timeout-seconds is " + timeoutSeconds + "; it must be >= 1");
    }
    if (timeoutSeconds <= arrivals.spanSeconds(users)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "--timeout-seconds is %d but %d users at %s a second take %.1f s to arrive; give more time",
          timeoutSeconds, users, shown(arrivals.perSecond()), arrivals.spanSeconds(users)));
    }
  }

  /** Parses {@code args}; throws {@link IllegalArgumentException} naming an unknown or bad option. */
  static Options parse(String[] args) {
    int users = 2000;
    int warmupUsers = 0;
    int port = 0;
    long timeout = 120;
    boolean selfWarmup = true;
    Arrivals arrivals = Arrivals.BURST;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--no-self-warmup")) {
        selfWarmup = false;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + name + " needs a value");
      }
      String value = args[++i];
      switch (name) {
        case "--users" -> users = number(name, value);
        case "--warmup-users" -> warmupUsers = number(name, value);
        case "--port" -> port = number(name, value);
        case "--timeout-seconds" -> timeout = number(name, value);
        case "--arrival-per-s" -> arrivals = arrivals(name, value);
        default -> throw new IllegalArgumentException("unknown option " + name
            + "; known: --users, --warmup-users, --port, --timeout-seconds, --arrival-per-s, --no-self-warmup");
      }
    }
    return new Options(users, warmupUsers, port, timeout, selfWarmup, arrivals);
  }

  private static Arrivals arrivals(String name, String value) {
    double perSecond;
    try {
      perSecond = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is '" + value + "'; it must be a number of users a second", e);
    }
    if (!(perSecond > 0 && perSecond <= Arrivals.MAX_PER_SECOND)) {
      throw new IllegalArgumentException(name + " is '" + value + "'; it must be above 0 and at most "
          + (long) Arrivals.MAX_PER_SECOND + " (leave it out for the burst)");
    }
    return new Arrivals(perSecond);
  }

  private static String shown(double perSecond) {
    return perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond);
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is '" + value + "'; it must be a number", e);
    }
  }
}
