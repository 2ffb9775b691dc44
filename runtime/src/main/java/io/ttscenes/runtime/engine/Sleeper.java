package io.ttscenes.runtime.engine;

import java.time.Duration;

/** Waits between retries; injected so tests never sleep for real. */
@FunctionalInterface
public interface Sleeper {

  /** The real thing: {@link Thread#sleep}. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /** Blocks for {@code duration}; throws {@link InterruptedException} when interrupted. */
  void sleep(Duration duration) throws InterruptedException;
}
