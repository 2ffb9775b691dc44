package io.ttscenes.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watchdog abandons overruns from its periodic round, and a failing overrun action does not end that round. */
final class HandlerDeadlineTest {
  private final HandlerDeadline deadline = new HandlerDeadline(Duration.ofMillis(200), "deadline-test");

  @AfterEach
  void close() {
    deadline.close();
  }

  @Test
  void runThatLeavesInTimeReturnsItsResultAndIsNeverAbandoned() throws Exception {
    AtomicInteger overruns = new AtomicInteger();
    for (int i = 0; i < 1000; i++) {
      int value = i;
      assertEquals(value, deadline.run(() -> value, overruns::incrementAndGet));
    }
    Thread.sleep(400);
    assertEquals(0, overruns.get(), "a run that left was abandoned later");
    assertFalse(Thread.interrupted(), "the caller was interrupted");
  }

  @Test
  void overrunIsInterruptedAbandonedAndHandedOnWithinATickOfTheLimit() {
    CountDownLatch handedOn = new CountDownLatch(1);
    long start = System.nanoTime();
    assertThrows(HandlerDeadline.AbandonedRun.class, () -> deadline.run(() -> {
      try {
        Thread.sleep(TimeUnit.SECONDS.toMillis(20));
      } catch (InterruptedException e) {
        return "interrupted";
      }
      return "slept";
    }, handedOn::countDown));
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertEquals(0, handedOn.getCount(), "the overrun action ran");
    assertTrue(tookMillis >= 200, "abandoned before the limit, after " + tookMillis + " ms");
    assertTrue(tookMillis < 10_000, "abandoned only after " + tookMillis + " ms");
    assertFalse(Thread.interrupted(), "the interrupt leaked past the abandoned run");
  }

  @Test
  void failingOverrunActionDoesNotStopTheWatchdog() {
    assertThrows(HandlerDeadline.AbandonedRun.class,
        () -> deadline.run(HandlerDeadlineTest::sleepUntilInterrupted, () -> {
          throw new IllegalStateException("hand-over failed");
        }));
    CountDownLatch second = new CountDownLatch(1);
    assertThrows(HandlerDeadline.AbandonedRun.class,
        () -> deadline.run(HandlerDeadlineTest::sleepUntilInterrupted, second::countDown));
    assertEquals(0, second.getCount(), "the second overrun was caught");
  }

  @Test
  void tickIsATenthOfTheLimitBetweenOneAnd250Milliseconds() {
    assertEquals(TimeUnit.MILLISECONDS.toNanos(20), HandlerDeadline.tickNanos(Duration.ofMillis(200)));
    assertEquals(TimeUnit.MILLISECONDS.toNanos(250), HandlerDeadline.tickNanos(Duration.ofSeconds(10)));
    assertEquals(TimeUnit.MILLISECONDS.toNanos(1), HandlerDeadline.tickNanos(Duration.ofMillis(2)));
  }

  private static String sleepUntilInterrupted() {
    try {
      Thread.sleep(TimeUnit.SECONDS.toMillis(20));
      return "slept";
    } catch (InterruptedException e) {
      return "interrupted";
    }
  }
}
