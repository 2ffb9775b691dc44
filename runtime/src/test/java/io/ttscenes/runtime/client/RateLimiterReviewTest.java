package io.ttscenes.runtime.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The rate limit under a wall-clock step backwards (NTP correction, VM restore). */
final class RateLimiterReviewTest {
  // REVIEW: RateLimiter reserves slots on the wall Clock (Clock.systemUTC by default); when the
  // clock steps back, nextFree lies far "in the future" and every API call sleeps for the size of
  // the step (an hour back = no message sent for an hour).
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

  // REVIEW: a Retry-After too large for a long ("99999999999999999999") is read as "no header",
  // so the call is retried after the normal backoff instead of failing with the server's hint.
  @Test
  void anOverlongRetryAfterIsTreatedAsLongerThanWeWaitNotAsAbsent() {
    FailureClassifier classifier = new FailureClassifier(io.ttscenes.runtime.json.WireJson.create(), new FakeTime());
    Duration wait = classifier.retryAfter("99999999999999999999");
    assertTrue(wait != null && wait.compareTo(RetryPolicy.defaults().maxRetryAfter()) > 0,
        "Retry-After 99999999999999999999 was read as " + wait);
  }
}
