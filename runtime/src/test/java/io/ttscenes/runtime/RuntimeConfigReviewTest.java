package io.ttscenes.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Review: configuration mistakes must give a clear error that never shows a secret. */
final class RuntimeConfigReviewTest {

  @Test
  void redisPasswordWithASlashIsNotShownInTheError() {
    // Generated (base64) passwords often hold '/'; unencoded, java.net.URI reads the URL as having
    // no host, and the error then prints the whole URL with the password.
    RuntimeConfigException e = assertThrows(RuntimeConfigException.class, () -> RuntimeConfig.from(Map.of(
        "TAMTAM_TOKEN", "abc",
        "REDIS_URL", "redis://app:s3cr/etPw@redis.internal:6379/0")));

    assertFalse(e.getMessage().contains("s3cr"), "the Redis password leaks into the error: " + e.getMessage());
  }

  @Test
  void aPortOutsideTheTcpRangeInAUrlIsRejected() {
    // java.net.URI does not range-check ports, so these pass validation and fail much later
    // (at connect or subscribe time) with an unrelated error.
    RuntimeConfigException e = assertThrows(RuntimeConfigException.class, () -> RuntimeConfig.from(Map.of(
        "TAMTAM_TOKEN", "abc",
        "REDIS_URL", "redis://redis.internal:99999",
        "WEBHOOK_URL", "https://bot.example.com:70000/hook")));

    assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("REDIS_URL") && p.contains("99999")),
        e.getMessage());
    assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("WEBHOOK_URL") && p.contains("70000")),
        e.getMessage());
  }
}
