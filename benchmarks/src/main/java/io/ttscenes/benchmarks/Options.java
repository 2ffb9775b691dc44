package io.ttscenes.benchmarks;

/**
 * The command line of {@link FakeBotApi#main}: {@code --users N}, {@code --port P},
 * {@code --timeout-seconds S}.
 *
 * @param users how many users take the survey
 * @param port the port to listen on, 0 for a free one
 * @param timeoutSeconds how long to wait for every user to finish
 */
record Options(int users, int port, long timeoutSeconds) {
  Options {
    if (users < 1) {
      throw new IllegalArgumentException("--users is " + users + "; it must be >= 1");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port is " + port + "; it must be 0-65535");
    }
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException("--timeout-seconds is " + timeoutSeconds + "; it must be >= 1");
    }
  }

  /** Parses {@code args}; throws {@link IllegalArgumentException} naming an unknown or bad option. */
  static Options parse(String[] args) {
    int users = 2000;
    int port = 0;
    long timeout = 120;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + name + " needs a value");
      }
      String value = args[++i];
      switch (name) {
        case "--users" -> users = number(name, value);
        case "--port" -> port = number(name, value);
        case "--timeout-seconds" -> timeout = number(name, value);
        default -> throw new IllegalArgumentException("unknown option " + name
            + "; known: --users, --port, --timeout-seconds");
      }
    }
    return new Options(users, port, timeout);
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is '" + value + "'; it must be a number", e);
    }
  }
}
