package io.ttscenes.runtime.ingress;

import io.ttscenes.runtime.client.Sleeper;
import java.time.Duration;

/**
 * Coordinates the poll thread with {@code stop}: the thread is interrupted only while it polls or
 * waits (nothing in flight), and {@code stop} waits for a batch that is in the lanes to be
 * acknowledged and its marker stored. Thread-safe.
 */
final class Lifecycle {
  private final Object lock = new Object();
  private Thread thread;
  private boolean stopping;
  private boolean working;
  private boolean finished;

  void started(Thread pollThread) {
    synchronized (lock) {
      this.thread = pollThread;
    }
  }

  /** Whether the poll thread was started, is alive and was not asked to stop. */
  boolean isRunning() {
    synchronized (lock) {
      return thread != null && thread.isAlive() && !stopping && !finished;
    }
  }

  boolean isStopping() {
    synchronized (lock) {
      return stopping;
    }
  }

  /** Enters a stretch that stop must wait for; false (and nothing entered) when stopping. */
  boolean beginWork() {
    synchronized (lock) {
      if (stopping) {
        return false;
      }
      working = true;
    }
    // An interrupt meant for the poll that just returned must not cut the batch's waits short.
    Thread.interrupted();
    return true;
  }

  void endWork() {
    synchronized (lock) {
      working = false;
      lock.notifyAll();
    }
  }

  /** Waits {@code delay} with {@code sleeper}; stop interrupts it. */
  void sleep(Sleeper sleeper, Duration delay) throws InterruptedException {
    if (isStopping()) {
      throw new InterruptedException("stopping");
    }
    sleeper.sleep(delay);
  }

  void finished() {
    synchronized (lock) {
      finished = true;
      working = false;
      lock.notifyAll();
    }
  }

  /**
   * Marks stopping, interrupts the thread unless it is working, and waits up to {@code deadline}
   * for the work in progress; returns whether none is left.
   */
  boolean stop(Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    synchronized (lock) {
      stopping = true;
      if (!working && !finished && thread != null) {
        thread.interrupt();
      }
      try {
        while (working && !finished) {
          long left = end - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          lock.wait(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !working;
      }
      return true;
    }
  }
}
