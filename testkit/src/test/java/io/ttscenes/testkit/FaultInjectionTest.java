package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
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
  void aRefusalAnswersItsStatusAndErrorWithoutSendingThenTheCallGoesThrough() {
    EmulatedUser ann = emulator.user("Ann");
    emulator.faults().refuse("/messages", 2, 400, "attachment.not.ready", "Try again later");
    String send = "/messages?user_id=" + ann.userId();

    BotApiClient.Reply first = api.post(send, "{\"text\":\"one\"}");
    BotApiClient.Reply second = api.post(send, "{\"text\":\"two\"}");

    assertEquals(400, first.status());
    assertEquals("attachment.not.ready", first.code());
    assertEquals("Try again later", first.message());
    assertEquals(400, second.status());
    assertEquals(List.of(), ann.messages(), "a refused call never reaches the route");
    assertEquals(200, api.post(send, "{\"text\":\"three\"}").status());
    assertEquals(List.of("three"), ann.messages().stream().map(BotMessage::text).toList());
  }

  @Test
  void aLateRefusalHoldsTheCallThenAnswersItsErrorWithoutSending() {
    EmulatedUser ann = emulator.user("Ann");
    emulator.faults().refuseAfter(Duration.ofMillis(400), "/messages", 1, 400, "proto.payload", "Bad text");
    String send = "/messages?user_id=" + ann.userId();

    long start = System.nanoTime();
    BotApiClient.Reply refused = api.post(send, "{\"text\":\"one\"}");
    long heldMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

    assertEquals(400, refused.status());
    assertEquals("proto.payload", refused.code());
    assertEquals("Bad text", refused.message());
    assertTrue(heldMillis >= 400, "held " + heldMillis + " ms");
    assertEquals(List.of(), ann.messages(), "a refused call never reaches the route");
    assertEquals(200, api.post(send, "{\"text\":\"two\"}").status());
  }

  @Test
  void aLateRefusalWithANegativeDelayOrABadStatusIsRefusedAndQueuesNothing() {
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> emulator.faults().refuseAfter(Duration.ofMillis(-1), "/me", 1, 400, "proto.payload", "y"));
    IllegalArgumentException status = assertThrows(IllegalArgumentException.class,
        () -> emulator.faults().refuseAfter(Duration.ofSeconds(1), "/me", 1, 503, "x", "y"));

    assertTrue(negative.getMessage().contains("delay is PT-0.001S"), negative.getMessage());
    assertTrue(status.getMessage().contains("status is 503"), status.getMessage());
    assertEquals(0, emulator.faults().pending("/me"));
  }

  @Test
  void aHoldTooLongToCountInMillisecondsIsRefusedAndQueuesNothing() {
    Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
    IllegalArgumentException late = assertThrows(IllegalArgumentException.class,
        () -> emulator.faults().refuseAfter(forever, "/me", 1, 400, "proto.payload", "y"));
    IllegalArgumentException held = assertThrows(IllegalArgumentException.class,
        () -> emulator.faults().delay("/me", 1, forever));
    IllegalArgumentException slow = assertThrows(IllegalArgumentException.class,
        () -> emulator.faults().failShare(0.5, forever, 1));

    for (IllegalArgumentException error : List.of(late, held, slow)) {
      assertTrue(error.getMessage().contains("is " + forever + "; it is too long to hold a call"), error.getMessage());
    }
    assertEquals(0, emulator.faults().pending("/me"));
    assertEquals(200, api.get("/me").status());
    assertEquals(0, emulator.faults().injected());
  }

  @Test
  void aDelayThatIsNegativeOrMissingIsRefusedAndQueuesNothing() {
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> emulator.faults().delay("/me", 1, Duration.ofMillis(-1)));
    NullPointerException missing = assertThrows(NullPointerException.class,
        () -> emulator.faults().delay("/me", 1, null));

    assertTrue(negative.getMessage().contains("delay is PT-0.001S; it must not be negative"), negative.getMessage());
    assertEquals("delay", missing.getMessage());
    assertEquals(0, emulator.faults().pending("/me"));
    assertEquals(200, api.get("/me").status());
  }

  @Test
  void aRefusalWithAStatusThatIsNoRefusalOrWithoutACodeIsRefusedAndQueuesNothing() {
    for (int status : new int[] {200, 399, 429, 500, 503}) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> emulator.faults().refuse("/me", 1, status, "x", "y"));
      assertTrue(error.getMessage().contains("status is " + status), error.getMessage());
    }
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> emulator.faults().refuse("/me", 1, 403, " ", "y"));
    IllegalArgumentException never = assertThrows(IllegalArgumentException.class,
        () -> emulator.faults().refuse("/me", 0, 403, "chat.denied", "y"));
    NullPointerException noMessage = assertThrows(NullPointerException.class,
        () -> emulator.faults().refuse("/me", 1, 403, "chat.denied", null));

    assertTrue(blank.getMessage().contains("code is blank"), blank.getMessage());
    assertTrue(never.getMessage().contains("times is 0"), never.getMessage());
    assertEquals("message", noMessage.getMessage());
    assertEquals(0, emulator.faults().pending("/me"));
    assertEquals(200, api.get("/me").status());
  }

  @Test
  void aFaultForAPathNoCallCanHaveIsRefusedAndQueuesNothing() {
    for (String path : new String[] {"messages", "", "/messages?user_id=1", "https://x/messages"}) {
      IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
          () -> emulator.faults().refuse(path, 1, 400, "proto.payload", "y"));
      IllegalArgumentException busy = assertThrows(IllegalArgumentException.class,
          () -> emulator.faults().tooManyRequests(path, 1, Duration.ofSeconds(1)));
      assertTrue(refusal.getMessage().contains("path is '" + path + "'"), refusal.getMessage());
      assertTrue(busy.getMessage().contains("path is '" + path + "'"), busy.getMessage());
      assertEquals(0, emulator.faults().pending(path));
    }
    assertThrows(IllegalArgumentException.class, () -> emulator.faults().unavailable("me", 1));
    assertThrows(IllegalArgumentException.class, () -> emulator.faults().delay("me?x=1", 1, Duration.ZERO));
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
  void aShareOfCallsFailsAtRandomAndEveryInjectedFaultIsCounted() {
    emulator.faults().failShare(0.5, Duration.ZERO, 7);

    int failed = 0;
    for (int i = 0; i < 200; i++) {
      int status = api.get("/me").status();
      assertTrue(status == 200 || status == 503, "status " + status);
      failed += status == 503 ? 1 : 0;
    }

    assertTrue(failed > 60 && failed < 140, failed + " of 200 failed");
    assertEquals(failed, emulator.faults().injected());
    assertEquals(200, emulator.faults().calls());
    emulator.faults().clear();
    assertEquals(200, api.get("/me").status());
  }

  @Test
  void aRandomSlowFaultOutlastsAShortClientTimeoutAndIsNotCarriedOut() {
    emulator.faults().failShare(0.99, Duration.ofSeconds(2), 3);
    EmulatedUser ann = emulator.user("Ann");
    long timedOut = 0;
    for (int i = 0; i < 20 && timedOut == 0; i++) {
      try {
        api.send(api.request("/messages?user_id=" + ann.userId()).timeout(Duration.ofMillis(300))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\"}")));
      } catch (java.io.UncheckedIOException e) {
        timedOut++;
      }
    }
    emulator.faults().clear();

    assertEquals(1, timedOut, "one held call timed out");
    assertEquals(List.of(), ann.messages(), "a failed call never reaches the route");
  }

  @Test
  void aFailShareOutsideZeroToOneIsRefused() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> emulator.faults().failShare(1.0, Duration.ZERO, 1));
    assertTrue(error.getMessage().contains("share is 1.0"), error.getMessage());
  }

  @Test
  void aFailShareWithANegativeOrMissingHoldIsRefusedAndFailsNothing() {
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> emulator.faults().failShare(0.5, Duration.ofMillis(-1), 1));
    NullPointerException missing = assertThrows(NullPointerException.class,
        () -> emulator.faults().failShare(0.5, null, 1));

    assertTrue(negative.getMessage().contains("slowFor is PT-0.001S"), negative.getMessage());
    assertEquals("slowFor", missing.getMessage());
    for (int i = 0; i < 20; i++) {
      assertEquals(200, api.get("/me").status());
    }
    assertEquals(0, emulator.faults().injected());
  }

  @Test
  void faultsNeedTheTokenFirst() {
    emulator.faults().unavailable("/me", 1);

    assertEquals(401, new BotApiClient(emulator.baseUrl(), "wrong").get("/me").status());
    assertEquals(503, api.get("/me").status());
  }
}
