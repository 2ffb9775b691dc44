package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class FaultInjectionTest extends EmulatorTest {
  @Test
  void tooManyRequestsCarriesRetryAfterThenTheCallSucceeds() {
    emulator.faults().tooManyRequests("/me", 2, Duration.ofSeconds(3));

    BotApiClient.Reply first = api.get("/me");
    BotApiClient.Reply second = api.get("/me");
    BotApiClient.Reply third = api.get("/me");

    assertEquals(429, first.status());
    assertEquals("too.many.requests", first.code());
    assertEquals("3", first.raw().headers().firstValue("Retry-After").orElse(""));
    assertEquals(429, second.status());
    assertEquals(200, third.status());
  }

  @Test
  void unavailableAnswers503OnlyForThatPath() {
    emulator.faults().unavailable("/messages", 1);

    assertEquals(200, api.get("/me").status());
    BotApiClient.Reply failed = api.get("/messages?chat_id=1");
    assertEquals(503, failed.status());
    assertEquals("service.unavailable", failed.code());
    assertEquals(404, api.get("/messages?chat_id=1").status());
  }

  @Test
  void delayHoldsTheCallLongerThanAShortClientTimeout() {
    emulator.faults().delay("/me", 1, Duration.ofSeconds(3));

    Exception timedOut = assertThrows(java.io.UncheckedIOException.class,
        () -> api.send(api.request("/me").timeout(Duration.ofMillis(300)).GET()));

    assertEquals(HttpTimeoutException.class, timedOut.getCause().getClass());
    assertEquals(200, api.get("/me").status());
  }

  @Test
  void faultsNeedTheTokenFirst() {
    emulator.faults().unavailable("/me", 1);

    assertEquals(401, new BotApiClient(emulator.baseUrl(), "wrong").get("/me").status());
    assertEquals(503, api.get("/me").status());
  }
}
