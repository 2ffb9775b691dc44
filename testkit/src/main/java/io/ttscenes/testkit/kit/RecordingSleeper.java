package io.ttscenes.testkit.kit;

import io.ttscenes.runtime.client.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Bot API client's sleeper in tests: remembers each wait the client asked for (backoff,
 * {@code Retry-After}) and returns at once, so a 429 with {@code Retry-After: 30} costs no time.
 * Waits under a millisecond are the client's rate limiter spacing requests and are not kept.
 */
final class RecordingSleeper implements Sleeper {
  private static final Duration NOISE = Duration.ofMillis(1);

  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    if (duration.compareTo(NOISE) >= 0) {
      waits.add(duration);
    }
  }

  List<Duration> waits() {
    return List.copyOf(waits);
  }
}
