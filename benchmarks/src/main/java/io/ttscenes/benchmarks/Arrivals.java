package io.ttscenes.benchmarks;

/**
 * When the measured users' first updates are released, counted from the first release: all at
 * once (the burst, {@code perSecond} 0) or WORKLOAD.md's steady shape, where user {@code k}
 * arrives {@code k / perSecond} seconds after user 0. The steady shape is open loop: arrivals
 * follow the clock alone, never the bot's replies. Immutable.
 *
 * @param perSecond new users a second, or 0 for the burst
 */
record Arrivals(double perSecond) {
  /** Every user at once: the campaign crowd. */
  static final Arrivals BURST = new Arrivals(0);
  /** The highest rate accepted: past it, every loop tick releases users by the thousand anyway. */
  static final double MAX_PER_SECOND = 1_000_000;

  Arrivals {
    if (!(perSecond >= 0 && perSecond <= MAX_PER_SECOND)) {
      throw new IllegalArgumentException("arrivals per second is " + perSecond + "; it must be 0 (burst) or up to "
          + (long) MAX_PER_SECOND);
    }
  }

  /** Returns whether users arrive one by one at a fixed rate rather than all at once. */
  boolean steady() {
    return perSecond > 0;
  }

  /**
   * Returns how many of {@code users} users have arrived {@code elapsedNanos} after the first
   * release: all of them in a burst; one at 0 and then one more every {@code 1 / perSecond}
   * seconds, never more than {@code users}.
   */
  int due(long elapsedNanos, int users) {
    if (!steady()) {
      return users;
    }
    double arrived = Math.floor(Math.max(0, elapsedNanos) * perSecond / 1e9) + 1;
    return (int) Math.min(users, arrived);
  }

  /**
   * Returns the shortest wait in seconds in which all {@code users} can have arrived: 0 for a
   * burst, {@code (users - 1) / perSecond} for the steady shape.
   */
  double spanSeconds(int users) {
    return steady() ? (users - 1) / perSecond : 0;
  }
}
