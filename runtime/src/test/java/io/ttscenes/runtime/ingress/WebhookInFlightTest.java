package io.ttscenes.runtime.ingress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class WebhookInFlightTest {
  private final WebhookInFlight inFlight = new WebhookInFlight();

  @Test
  void closingWithNothingInProgressIsIdleAtOnceAndRefusesNewRequests() throws Exception {
    assertTrue(inFlight.closeAndAwaitIdle(Duration.ZERO));

    assertFalse(inFlight.enter(), "a request after close is refused");
  }

  @Test
  void aRequestStillInProgressAtTheDeadlineMakesTheCloseReportNotIdle() throws Exception {
    assertTrue(inFlight.enter());

    assertFalse(inFlight.closeAndAwaitIdle(Duration.ZERO));
    assertFalse(inFlight.enter(), "closed even though it did not become idle");
  }

  @Test
  void closeWaitsForTheRequestInProgressToLeave() throws Exception {
    assertTrue(inFlight.enter());
    CompletableFuture<Boolean> idle = CompletableFuture.supplyAsync(() -> {
      try {
        return inFlight.closeAndAwaitIdle(Duration.ofMinutes(1));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    // Wait until the closer has closed the gate; then only the leave below can make it idle.
    while (inFlight.enter()) {
      inFlight.leave();
      Thread.onSpinWait();
    }
    assertFalse(idle.isDone(), "idle reported while a request is still in progress");

    inFlight.leave();

    assertTrue(idle.get(20, TimeUnit.SECONDS));
  }
}
