package io.ttscenes.runtime.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Waits stay bounded when the wall clock steps back (NTP, VM restore) or Retry-After is absurd. */
final class TimeAnomaliesTest {
  // The limiter measures slots on a monotonic ticker; FakeTime's ticker, like System.nanoTime,
  // does not follow the wall clock back.
  @Test
  void aClockSteppingBackAnHourDoesNotStallTheNextCallForAnHour() throws Exception {
    FakeTime time = new FakeTime();
    RateLimiter limiter = new RateLimiter(30, time, time);
    limiter.acquire();
    limiter.acquire();

    time.advance(Duration.ofHours(-1));
    Duration waited = limiter.acquire();

    // At 30 requests per second no call ever needs to wait more than a few intervals.
    assertTrue(waited.compareTo(Duration.ofSeconds(1)) < 0,
        "the call after the clock stepped back waited " + waited);
  }

  // A Retry-After too large for a long is still the server's hint: longer than we ever wait.
  @Test
  void anOverlongRetryAfterIsTreatedAsLongerThanWeWaitNotAsAbsent() {
    FailureClassifier classifier = new FailureClassifier(io.ttscenes.runtime.json.WireJson.create(), new FakeTime());
    Duration wait = classifier.retryAfter("99999999999999999999");
    assertTrue(wait != null && wait.compareTo(RetryPolicy.defaults().maxRetryAfter()) > 0,
        "Retry-After 99999999999999999999 was read as " + wait);
  }
}
