package io.ttscenes.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
  void runThatThrowsACheckedExceptionUncheckedLeavesAndIsNeverAbandonedLater() throws Exception {
    AtomicInteger overruns = new AtomicInteger();
    IOException thrown = assertThrows(IOException.class,
        () -> deadline.run(() -> sneakyThrow(new IOException("disk gone")), overruns::incrementAndGet));
    assertEquals("disk gone", thrown.getMessage());

    // Past the limit and a few of the watchdog's rounds: a run still listed would be abandoned now,
    // interrupting this thread in whatever it does next and handing its lane over.
    Thread.sleep(600);
    assertEquals(0, overruns.get(), "the run that threw was abandoned after it had left");
    assertFalse(Thread.interrupted(), "the thread was interrupted after the run had left");
  }

  @Test
  void closeEndsTheWatchdogThread() throws Exception {
    HandlerDeadline own = new HandlerDeadline(Duration.ofMillis(200), "deadline-close-test");
    assertEquals(7, own.run(() -> 7, () -> {}));
    assertTrue(watchdogAlive("ttscenes-deadline-close-test-deadline"), "the watchdog thread runs while open");

    own.close();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (watchdogAlive("ttscenes-deadline-close-test-deadline") && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertFalse(watchdogAlive("ttscenes-deadline-close-test-deadline"), "the watchdog thread outlived close");
  }

  @Test
  void overrunActionThrowingAnErrorDoesNotStopTheWatchdog() {
    assertThrows(HandlerDeadline.AbandonedRun.class,
        () -> deadline.run(HandlerDeadlineTest::sleepUntilInterrupted, () -> {
          throw new AssertionError("hand-over broke");
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

  /** Throws {@code e} past the compiler's checks, as Kotlin code or a sneaky-throw helper may. */
  @SuppressWarnings("unchecked")
  private static <T, E extends Throwable> T sneakyThrow(Throwable e) throws E {
    throw (E) e;
  }

  private static boolean watchdogAlive(String name) {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
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
