package io.ttscenes.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class RuntimeConfigTest {

  @Test
  void tokenAloneGivesLongPollingAgainstTamTamWithAnInMemoryStore() {
    RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_TOKEN", "abc"));

    assertEquals("abc", config.token());
    assertEquals(URI.create("https://botapi.tamtam.chat"), config.apiUrl());
    assertEquals(Optional.empty(), config.redisUrl());
    assertFalse(config.usesWebhook());
    assertEquals(1000, config.pollLimit());
    assertEquals(30, config.pollTimeoutSeconds());
    assertEquals(1024, config.queueCapacity());
    assertEquals(Duration.ofSeconds(30), config.shutdownTimeout());
    assertTrue(config.parallelism() >= 4, "lanes outnumber the CPUs: " + config.parallelism());
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    RuntimeConfigException e = assertThrows(RuntimeConfigException.class, () -> RuntimeConfig.from(Map.of(
        "TAMTAM_API_URL", "ftp://botapi.example.com",
        "REDIS_URL", "http://localhost:6379",
        "WEBHOOK_PORT", "eighty",
        "TTSCENES_POLL_LIMIT", "5000",
        "WEBHOOK_UNSUBSCRIBE_ON_CLOSE", "maybe")));

    assertEquals(List.of(
        "TAMTAM_TOKEN is not set; it is required unless TAMTAM_API_URL points at a local emulator",
        "TAMTAM_API_URL is 'ftp://botapi.example.com'; it must be a URL starting with one of http://, https://",
        "REDIS_URL is 'http://localhost:6379'; it must be a URL starting with one of redis://, rediss://",
        "WEBHOOK_PORT is 'eighty'; it must be a whole number 0..65535",
        "WEBHOOK_UNSUBSCRIBE_ON_CLOSE is 'maybe'; it must be true or false",
        "TTSCENES_POLL_LIMIT is 5000; it must be 1..1000"), e.problems());
    assertTrue(e.getMessage().startsWith("invalid ttscenes configuration (6 problems)\n  - TAMTAM_TOKEN"),
        e.getMessage());
  }

  @Test
  void aLoopbackApiNeedsNoTokenAndUsesTheEmulatorsOne() {
    RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_API_URL", "http://127.0.0.1:9090"));

    assertEquals(RuntimeConfig.EMULATOR_TOKEN, config.token());
    assertThrows(RuntimeConfigException.class,
        () -> RuntimeConfig.from(Map.of("TAMTAM_API_URL", "https://api.example.com")));
  }

  @Test
  void webhookUrlSwitchesToWebhookAndItsPathIsServed() {
    RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_TOKEN", "abc",
        "WEBHOOK_URL", "https://bot.example.com/tamtam/hook", "WEBHOOK_PORT", "9443",
        "WEBHOOK_SECRET", "s3cr3t-of-at-least-22-chars", "WEBHOOK_UNSUBSCRIBE_ON_CLOSE", "true"));

    assertTrue(config.usesWebhook());
    assertEquals("/tamtam/hook", config.webhookPath());
    assertEquals(9443, config.webhookPort());
    assertEquals(Optional.of("s3cr3t-of-at-least-22-chars"), config.webhookSecret());
    assertTrue(config.webhookUnsubscribeOnClose());
  }

  @Test
  void toStringShowsNeitherTheTokenNorTheRedisPassword() {
    RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_TOKEN", "very-secret-token",
        "REDIS_URL", "redis://user:hunter2@redis.example.com:6379/0"));

    String text = config.toString();
    assertFalse(text.contains("very-secret-token"), text);
    assertFalse(text.contains("hunter2"), text);
    assertTrue(text.contains("redis://user:***@redis.example.com:6379/0"), text);
  }

  @Test
  void aRedisPasswordIsMaskedInEveryUrlForm() {
    for (String url : List.of("redis://hunter2@redis.example.com:6379/0", "redis://:hunter2@redis.example.com",
        "rediss://user:hun/ter2@redis.example.com", "redis://user:hun@ter2@redis.example.com")) {
      String shown;
      try {
        shown = RuntimeConfig.from(Map.of("TAMTAM_TOKEN", "t", "REDIS_URL", url)).toString();
      } catch (RuntimeConfigException e) {
        shown = e.getMessage();
      }
      assertFalse(shown.contains("hunter2") || shown.contains("hun") , url + " shows as " + shown);
      assertTrue(shown.contains("***@"), url + " shows as " + shown);
    }
  }

  @Test
  void redisPasswordWithASlashIsNotShownInTheError() {
    // Generated (base64) passwords often hold '/'; unencoded, java.net.URI reads the URL as having
    // no host, and the error must still not print the whole URL with the password.
    RuntimeConfigException e = assertThrows(RuntimeConfigException.class, () -> RuntimeConfig.from(Map.of(
        "TAMTAM_TOKEN", "abc",
        "REDIS_URL", "redis://app:s3cr/etPw@redis.internal:6379/0")));

    assertFalse(e.getMessage().contains("s3cr"), "the Redis password leaks into the error: " + e.getMessage());
  }

  @Test
  void aPortOutsideTheTcpRangeInAUrlIsRejected() {
    // java.net.URI does not range-check ports; unchecked, these would fail much later (at connect
    // or subscribe time) with an unrelated error.
    RuntimeConfigException e = assertThrows(RuntimeConfigException.class, () -> RuntimeConfig.from(Map.of(
        "TAMTAM_TOKEN", "abc",
        "REDIS_URL", "redis://redis.internal:99999",
        "WEBHOOK_URL", "https://bot.example.com:70000/hook")));

    assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("REDIS_URL") && p.contains("99999")),
        e.getMessage());
    assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("WEBHOOK_URL") && p.contains("70000")),
        e.getMessage());
  }

  @Test
  void pollerLeaseAndOutboxRecoveryHaveDefaultsAndAreRead() {
    RuntimeConfig defaults = RuntimeConfig.from(Map.of("TAMTAM_TOKEN", "t"));
    assertEquals(Duration.ofSeconds(15), defaults.pollerLease());
    assertTrue(defaults.outboxRecovery());

    RuntimeConfig set = RuntimeConfig.from(Map.of("TAMTAM_TOKEN", "t",
        "TTSCENES_POLLER_LEASE_SECONDS", "60", "TTSCENES_OUTBOX_RECOVERY", "false"));
    assertEquals(Duration.ofSeconds(60), set.pollerLease());
    assertFalse(set.outboxRecovery());
  }

  @Test
  void pollerLeaseOutOfRangeAndAnUnclearRecoveryFlagAreReported() {
    RuntimeConfigException e = assertThrows(RuntimeConfigException.class, () -> RuntimeConfig.from(Map.of(
        "TAMTAM_TOKEN", "t", "TTSCENES_POLLER_LEASE_SECONDS", "1", "TTSCENES_OUTBOX_RECOVERY", "sometimes")));
    assertEquals(List.of("TTSCENES_POLLER_LEASE_SECONDS is 1; it must be 3..3600",
        "TTSCENES_OUTBOX_RECOVERY is 'sometimes'; it must be true or false"), e.problems());
  }
}
