package io.ttscenes.runtime.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard {@link OkHttpBotApi} retries a retryable failure: at most {@code maxAttempts} attempts,
 * waiting a random time in {@code [0, min(maxDelay, baseDelay * 2^retry))} between them (full
 * jitter), or the server's {@code Retry-After} when that is larger. A {@code Retry-After} longer
 * than {@code maxRetryAfter} is not waited for: the call fails at once with the hint attached.
 * {@code attachment.not.ready} is retried with the same backoff until
 * {@code attachmentReadyTimeout} has passed since the first attempt, whatever
 * {@code maxAttempts} says.
 */
public record RetryPolicy(
    int maxAttempts,
    Duration baseDelay,
    Duration maxDelay,
    Duration maxRetryAfter,
    Duration attachmentReadyTimeout) {

  /** Validates the values; {@code maxAttempts} 1 means "never retry". */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts is " + maxAttempts + "; it must be >= 1");
    }
    requirePositive("baseDelay", baseDelay);
    requirePositive("maxDelay", maxDelay);
    requirePositive("maxRetryAfter", maxRetryAfter);
    requirePositive("attachmentReadyTimeout", attachmentReadyTimeout);
  }

  /** 4 attempts, 200 ms base, 10 s cap, Retry-After honoured up to 60 s, attachments 30 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        4, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(60),
        Duration.ofSeconds(30));
  }

  /** A policy that makes exactly one attempt (no retries, no attachment waiting). */
  public static RetryPolicy none() {
    return new RetryPolicy(
        1, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(60),
        Duration.ofMillis(1));
  }

  /** This policy with another attempt limit. */
  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, baseDelay, maxDelay, maxRetryAfter, attachmentReadyTimeout);
  }

  /** This policy with another attachment-ready deadline. */
  public RetryPolicy withAttachmentReadyTimeout(Duration timeout) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, maxRetryAfter, timeout);
  }

  /** The upper bound of the jittered wait before retry number {@code retry} (0-based). */
  Duration ceiling(int retry) {
    long base = baseDelay.toMillis();
    int shift = Math.min(retry, 30);
    long millis = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
    return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " is " + value + "; it must be positive");
    }
  }
}
