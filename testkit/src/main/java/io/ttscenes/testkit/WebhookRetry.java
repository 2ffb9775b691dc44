package io.ttscenes.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * How the emulator retries a webhook delivery that failed (non-200 answer or no connection): a
 * random delay between {@code minDelay} and {@code maxDelay}, until {@code giveUpAfter} has passed
 * since the first attempt of that update.
 */
public record WebhookRetry(Duration minDelay, Duration maxDelay, Duration giveUpAfter) {

  /** TamTam's own policy: every 30-60 seconds for up to 8 hours. */
  public static final WebhookRetry TAMTAM =
      new WebhookRetry(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofHours(8));

  /** Checks that the delays are ordered and not negative. */
  public WebhookRetry {
    Objects.requireNonNull(minDelay, "minDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(giveUpAfter, "giveUpAfter");
    if (minDelay.isNegative() || maxDelay.compareTo(minDelay) < 0) {
      throw new IllegalArgumentException("webhook retry delays must satisfy 0 <= min <= max; got "
          + minDelay + " and " + maxDelay);
    }
  }
}
